import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AppendRequest, EventStore } from '@kapocs/platform/event-store';
import { quoteIdent } from '@kapocs/platform/postgres';
import { ProjectionRunner } from '@kapocs/platform/projections';
import type { BenchConfig } from './config.js';
import { countsProjection } from './counts.projection.js';
import { elapsedMs } from './load.js';
import { benchEvent } from './store-appends.js';

const STREAMS_PER_CALL = 40;
const EVENTS_PER_STREAM = 50;
const SEED_WRITERS = 4;

/** Seeds `cfg.rebuildEvents` through the public appendMany, many streams per call; returns events per second. */
export async function seed(store: EventStore, total: number): Promise<number> {
  const perCall = STREAMS_PER_CALL * EVENTS_PER_STREAM;
  const calls = Math.ceil(total / perCall);
  let next = 0;
  const started = elapsedMs();
  const writer = async (): Promise<void> => {
    for (let call = next++; call < calls; call = next++) {
      const remaining = Math.min(perCall, total - call * perCall);
      const requests: AppendRequest[] = [];
      for (let i = 0; i < remaining; i += EVENTS_PER_STREAM) {
        const n = Math.min(EVENTS_PER_STREAM, remaining - i);
        const base = call * perCall + i;
        const events = Array.from({ length: n }, (_, j) => benchEvent(base + j));
        requests.push({ streamId: `contact-${randomUUID()}`, expectedVersion: 'no_stream', events });
      }
      await store.appendMany(requests);
    }
  };
  await Promise.all(Array.from({ length: SEED_WRITERS }, () => writer()));
  return (total * 1000) / (elapsedMs() - started);
}

/**
 * Projects every event of the store from the start with our ProjectionRunner and the set-based counts read model;
 * returns events per second from start() to the head checkpoint committed in the read model.
 */
export async function rebuild(pool: pg.Pool, schema: string, store: EventStore, cfg: BenchConfig): Promise<number> {
  const head = await store.headCheckpoint();
  const runner = new ProjectionRunner({ pool, schema, store, projection: countsProjection(cfg.rebuildBatch) });
  const started = elapsedMs();
  await runner.start();
  try {
    await runner.waitForCheckpoint(head, { timeoutMs: 30 * 60_000 });
    const seconds = (elapsedMs() - started) / 1000;
    const { rows } = await pool.query<{ n: string }>(`SELECT sum(n)::text AS n FROM ${quoteIdent(schema)}.event_counts`);
    const projected = Number(rows[0]?.n ?? 0);
    if (projected !== cfg.rebuildEvents) {
      throw new Error(`Read model counts ${projected} events, the store holds ${cfg.rebuildEvents}`);
    }
    return projected / seconds;
  } finally {
    await runner.stop();
  }
}
