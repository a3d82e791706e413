import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { loadConfig } from './config.js';
import { percentile, runLoad } from './load.js';
import { EVENT_TYPE, benchData, benchMetadata } from './payload.js';
import { figure, note } from './report.js';

// A child process of main.ts: Emmett's driver sets process-wide pg type parsers (int8 → BigInt, jsonb), which must
// not leak into our store's figures. The parent creates and drops the scratch database named in BENCH_EMMETT_URL.
const cfg = loadConfig();
const url = process.env['BENCH_EMMETT_URL'];

async function run(connectionString: string): Promise<void> {
  const pool = new pg.Pool({ connectionString, max: cfg.concurrency });
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  // The first append runs Emmett's schema migration; keep it out of the figure.
  await store.appendToStream(`bench-${randomUUID()}`, [{ type: EVENT_TYPE, data: benchData(0) }]);
  const r = await runLoad(cfg.concurrency, cfg.warmupSeconds, cfg.seconds, async (_w, seq) => {
    await store.appendToStream(
      `bench-${randomUUID()}`,
      [{ type: EVENT_TYPE, data: benchData(seq), metadata: benchMetadata(seq) }],
      { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
    );
  });
  figure(`emmett_append_single_c${cfg.concurrency}_per_s`, r.perSecond);
  figure(`emmett_append_single_c${cfg.concurrency}_p50_ms`, percentile(r.latenciesMs, 50), 2);
  figure(`emmett_append_single_c${cfg.concurrency}_p99_ms`, percentile(r.latenciesMs, 99), 2);
}

if (url === undefined) {
  note('emmett-main.js is started by main.js with BENCH_EMMETT_URL');
  process.exit(2);
}
// Exit explicitly: Emmett keeps pools of its own that would hold the event loop open.
run(url).then(
  () => process.exit(0),
  (e: unknown) => {
    note(`emmett baseline failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
