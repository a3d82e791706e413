import { randomBytes } from 'node:crypto';
import type pg from 'pg';
// The rebuild figure runs the projector's own forgalmi napló projection; a tool may not import infrastructure
// otherwise (eslint module boundaries).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PROJECTIONS } from '@kapocs/projector/infrastructure';
import { parseMasterKey } from '@kapocs/platform/event-store';
import { PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { quoteIdent } from '@kapocs/platform/postgres';
import { ProjectionRunner } from '@kapocs/platform/projections';
import { BENCH_MASTER_KEY, EVENT_SCHEMA } from './dataset.js';

export interface RebuildResult {
  readonly seconds: number;
  /** Events of the log the rebuild went through (position 0 to the head). */
  readonly logEvents: number;
  /** Of these, the napló's own (ContactLogged, GroupSessionLogged and corrections) handed to its handler. */
  readonly entries: number;
  /** False when stopped by the time limit before the head: `logEvents` is then the prefix it went through. */
  readonly complete: boolean;
}

const NAPLO = 'projector.contact-log';

/**
 * Builds the forgalmi napló projection, as the projector runs it, from position 0 into a scratch schema while the
 * platform keeps serving the live version; stops at the head of the log as it was when the rebuild started.
 */
export async function rebuildNaplo(pool: pg.Pool, limitSeconds?: number): Promise<RebuildResult> {
  const projection = PROJECTIONS.find((p) => p.name === NAPLO);
  if (!projection) throw new Error(`the projector has no ${NAPLO} projection`);
  const schema = `bench_rebuild_${randomBytes(4).toString('hex')}`;
  const store = new PostgresEventStore({ pool, schema: EVENT_SCHEMA, masterKey: parseMasterKey(BENCH_MASTER_KEY) });
  // The platform is idle while this runs (no load), so the count and the head describe the same log.
  const log = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(EVENT_SCHEMA)}.events`);
  const head = await store.headCheckpoint();
  const runner = new ProjectionRunner({ pool, schema, store, projection });
  try {
    const started = performance.now();
    await runner.start();
    const complete = await runner.waitForCheckpoint(head, { timeoutMs: (limitSeconds ?? 3600) * 1000 }).then(
      () => true,
      () => false,
    );
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    const reached = await pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${quoteIdent(EVENT_SCHEMA)}.events e, ${quoteIdent(schema)}.projection_checkpoints c
        WHERE c.name = $1 AND e.position <= split_part(c.checkpoint, '-', 2)::bigint`,
      [NAPLO],
    );
    const entries = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(schema)}.contact_log`);
    return {
      seconds,
      complete,
      logEvents: complete ? Number(log.rows[0]?.n ?? 0) : Number(reached.rows[0]?.n ?? 0),
      entries: Number(entries.rows[0]?.n ?? 0),
    };
  } finally {
    await runner.stop().catch(() => undefined);
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  }
}
