import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';
import type { BenchConfig } from './config.js';
import { type LoadResult, runLoad } from './load.js';
import { EVENT_TYPE, benchData, benchMetadata } from './payload.js';

/**
 * The floor under every store: the same rows inserted with one plain INSERT per event into a bare table with the
 * same columns, no version check, no uniqueness, no encryption.
 */
export async function rawInsertSingle(pool: pg.Pool, schema: string, cfg: BenchConfig): Promise<LoadResult> {
  const table = `${quoteIdent(schema)}.raw_events`;
  await pool.query(`CREATE TABLE ${table} (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid NOT NULL,
    stream_id text NOT NULL,
    stream_version bigint NOT NULL,
    event_type text NOT NULL,
    schema_version int NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now())`);
  const sql = `INSERT INTO ${table} (event_id, stream_id, stream_version, event_type, schema_version, data, metadata)
    VALUES ($1, $2, 0, $3, 1, $4, $5)`;
  return runLoad(cfg.concurrency, cfg.warmupSeconds, cfg.seconds, async (_w, seq) => {
    await pool.query(sql, [
      randomUUID(),
      `raw-${randomUUID()}`,
      EVENT_TYPE,
      JSON.stringify(benchData(seq)),
      JSON.stringify(benchMetadata(seq)),
    ]);
  });
}
