import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { EventStore } from '@kapocs/platform/event-store';
import { ProjectionRunner } from '@kapocs/platform/projections';
import type { BenchConfig } from './config.js';
import { countsProjection } from './counts.projection.js';
import { elapsedMs } from './load.js';
import { benchEvent } from './store-appends.js';

/**
 * Append → read model committed, at a steady producer rate (open loop: a slow append does not slow the producer).
 * Each sample runs from the append call to `waitForCheckpoint` resolving, i.e. the runner's transaction holding that
 * event having committed; waiting also wakes the runner, as the bus nudge does in a service.
 */
export async function appendToReadModel(
  pool: pg.Pool,
  schema: string,
  store: EventStore,
  cfg: BenchConfig,
): Promise<{ total: Float64Array; append: Float64Array }> {
  const runner = new ProjectionRunner({ pool, schema, store, projection: countsProjection(1000) });
  await runner.start();
  try {
    const warm = await store.append(`contact-${randomUUID()}`, 'no_stream', [benchEvent(0)]);
    await runner.waitForCheckpoint(warm.checkpoint);
    const intervalMs = 1000 / cfg.readModelRate;
    const total = Math.round(cfg.readModelRate * cfg.seconds);
    const latencies: number[] = [];
    const appendOnly: number[] = [];
    const inFlight: Promise<void>[] = [];
    const start = elapsedMs();
    for (let i = 0; i < total; i++) {
      const wait = start + i * intervalMs - elapsedMs();
      // Rate pacing of the producer only; every measured wait is on a checkpoint.
      if (wait > 0) await sleep(wait);
      inFlight.push(
        (async () => {
          const t0 = elapsedMs();
          const { checkpoint } = await store.append(`contact-${randomUUID()}`, 'no_stream', [benchEvent(i + 1)]);
          appendOnly.push(elapsedMs() - t0);
          await runner.waitForCheckpoint(checkpoint, { timeoutMs: 60_000 });
          latencies.push(elapsedMs() - t0);
        })(),
      );
    }
    await Promise.all(inFlight);
    return { total: Float64Array.from(latencies).sort(), append: Float64Array.from(appendOnly).sort() };
  } finally {
    await runner.stop();
  }
}
