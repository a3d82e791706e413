import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import type pg from 'pg';
import { PostgresEventStore, eventStoreMigrations } from '@kapocs/platform/event-store-postgres';
import { createPool, quoteIdent, runMigrations } from '@kapocs/platform/postgres';
import { loadConfig } from './config.js';
import { runEmmettBaseline } from './emmett-baseline.js';
import { percentile } from './load.js';
import { eventBytes, metadataBytes } from './payload.js';
import { rawInsertSingle } from './raw-baseline.js';
import { appendToReadModel } from './readmodel-latency.js';
import { rebuild, seed } from './rebuild.js';
import { figure, note } from './report.js';
import { watchForeignTransactions } from './xact-monitor.js';
import { type TailReport, watchTail } from './diagnostics.js';
import { appendBatch, appendSingle, commandPath } from './store-appends.js';

// `npm run bench:eventstore`: the figures of issue 3 item 9, one `name=value` line each (docs/performance.md).
const cfg = loadConfig();
const prefix = `bench_${randomBytes(4).toString('hex')}`;
const c = cfg.concurrency;

const latency = (name: string, sorted: Float64Array, ps: readonly number[] = [50, 99]): void => {
  for (const p of ps) figure(`${name}_p${p}_ms`, percentile(sorted, p), 2);
};

/** A fresh, migrated event store schema per scenario, so that each figure starts from the same table sizes. */
async function freshStore(admin: pg.Pool, pool: pg.Pool, name: string): Promise<{ schema: string; store: PostgresEventStore }> {
  const schema = `${prefix}_${name}`;
  await runMigrations(admin, schema, eventStoreMigrations);
  return { schema, store: new PostgresEventStore({ pool, schema, masterKey: randomBytes(32) }) };
}

/** Our single append and its two baselines back to back, so that the ratios compare like with like. */
async function singleAppendsAndBaselines(admin: pg.Pool, pool: pg.Pool, store: PostgresEventStore): Promise<void> {
  note('our store: single appends');
  const tail = cfg.tailDiagnostics ? watchTail(admin, 'kapocs-bench-store') : undefined;
  const single = await appendSingle(store, cfg, false);
  figure(`append_single_c${c}_per_s`, single.perSecond);
  latency(`append_single_c${c}`, single.latenciesMs);
  if (tail) reportTail(`append_single_c${c}`, await tail.stop());

  note('raw SQL baseline');
  await admin.query(`CREATE SCHEMA ${quoteIdent(`${prefix}_raw`)}`);
  const raw = await rawInsertSingle(pool, `${prefix}_raw`, cfg);
  figure(`raw_insert_single_c${c}_per_s`, raw.perSecond);
  latency(`raw_insert_single_c${c}`, raw.latenciesMs);

  note('Emmett baseline (child process, scratch database)');
  const emmett = await runEmmettBaseline(admin, cfg.databaseUrl);
  const emmettPerS = emmett.get(`emmett_append_single_c${c}_per_s`) ?? Number.NaN;
  figure('ratio_vs_raw', single.perSecond / raw.perSecond, 2);
  figure('ratio_vs_emmett', single.perSecond / emmettPerS, 2);
}

function reportTail(name: string, r: TailReport): void {
  figure(`${name}_loop_delay_p99_ms`, r.loopDelayP99Ms, 2);
  figure(`${name}_loop_delay_max_ms`, r.loopDelayMaxMs, 2);
  figure(`${name}_gc_total_ms`, r.gcTotalMs, 0);
  figure(`${name}_gc_max_ms`, r.gcMaxMs, 2);
  for (const [wait, pct] of [...r.waits].sort((a, b) => b[1] - a[1])) {
    figure(`${name}_wait_pct_${wait.replace(/[^A-Za-z0-9]+/g, '_')}`, pct, 1);
  }
}

async function otherAppends(store: PostgresEventStore): Promise<void> {
  note('our store: single appends with one personal field');
  const pii = await appendSingle(store, cfg, true);
  figure(`append_single_pii_c${c}_per_s`, pii.perSecond);
  latency(`append_single_pii_c${c}`, pii.latenciesMs);

  note('our store: 10-event appends');
  const batch = await appendBatch(store, cfg, 10);
  figure(`append_batch10_c${c}_events_per_s`, batch.perSecond * 10);
  latency(`append_batch10_c${c}`, batch.latenciesMs);

  note(`our store: command path over ${cfg.commandStreams} streams`);
  const cmd = await commandPath(store, cfg);
  figure(`command_path_c${c}_per_s`, cmd.load.perSecond);
  latency(`command_path_c${c}`, cmd.load.latenciesMs);
  figure('command_path_occ_retry_pct', cmd.retryPct, 3);
}

async function projections(admin: pg.Pool, pool: pg.Pool): Promise<void> {
  const lt = await freshStore(admin, pool, 'latency');
  note(`append → read model at ${cfg.readModelRate} events/s`);
  const monitor = watchForeignTransactions(admin, 'kapocs-bench');
  const lat = await appendToReadModel(pool, lt.schema, lt.store, cfg);
  const foreign = await monitor.stop();
  latency('append_to_readmodel', lat.total, [50, 95, 99]);
  figure('append_to_readmodel_max_ms', lat.total.at(-1) ?? Number.NaN, 2);
  // The append alone, to tell a slow commit from a slow projection when the total misses its target.
  latency('append_to_readmodel_append_only', lat.append, [50, 95]);
  figure('append_to_readmodel_foreign_xact_samples_pct', foreign.samplesPct, 1);
  figure('append_to_readmodel_foreign_xact_max_ms', foreign.maxAgeMs, 0);
  figure('setting_readmodel_rate_per_s', cfg.readModelRate);

  // After the latency figure: seeding 1M events leaves the server WAL-forced checkpoints and an insert-triggered
  // autovacuum of that table, which can stall the latency run's commits (docs/performance.md).
  const rb = await freshStore(admin, pool, 'rebuild');
  note(`seeding ${cfg.rebuildEvents} events with appendMany`);
  figure('rebuild_seed_appendmany_events_per_s', await seed(rb.store, cfg.rebuildEvents));
  note('rebuilding the counts read model');
  figure('rebuild_events_per_s', await rebuild(pool, rb.schema, rb.store, cfg));
  figure('setting_rebuild_events', cfg.rebuildEvents);
  figure('setting_rebuild_batch', cfg.rebuildBatch);
}

async function main(): Promise<void> {
  const admin = createPool({ connectionString: cfg.databaseUrl, max: 2, applicationName: 'kapocs-bench' });
  // One connection per caller for every contender, so that none waits on its pool rather than on the server.
  const pool = createPool({ connectionString: cfg.databaseUrl, max: c, applicationName: 'kapocs-bench-store' });
  try {
    const sync = await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    figure('setting_synchronous_commit', sync.rows[0]?.synchronous_commit ?? 'unknown');
    figure('setting_event_bytes', eventBytes());
    figure('setting_metadata_bytes', metadataBytes());
    figure('setting_concurrency', c);
    figure('setting_duration_s', cfg.seconds);
    figure('setting_cpus', availableParallelism());
    // Everything else running on the machine competes for the same cores: report it next to the figures.
    figure('setting_loadavg_1m_start', loadavg()[0] ?? Number.NaN, 2);

    const { store } = await freshStore(admin, pool, 'appends');
    await singleAppendsAndBaselines(admin, pool, store);
    await otherAppends(store);
    await projections(admin, pool);
    figure('setting_loadavg_1m_end', loadavg()[0] ?? Number.NaN, 2);
  } finally {
    await dropSchemas(admin);
    await admin.end();
    await pool.end();
  }
}

async function dropSchemas(admin: pg.Pool): Promise<void> {
  const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [
    `${prefix}\\_%`,
  ]);
  for (const { nspname } of rows) {
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE`).catch((e: unknown) => {
      note(`could not drop schema ${nspname}: ${(e as Error).message}`);
    });
  }
}

main().catch((e: unknown) => {
  note(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
