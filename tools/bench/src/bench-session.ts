import type pg from 'pg';
import { availableParallelism } from 'node:os';
import { type Checkpoint, compareCheckpoints, parseMasterKey } from '@kapocs/platform/event-store';
import { PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { createPool, quoteIdent } from '@kapocs/platform/postgres';
import { CLIENT_REGISTERED } from '@kapocs/intake/contracts';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import type { BenchArgs } from './bench-args.js';
import { BENCH_MASTER_KEY, type Dataset, EVENT_SCHEMA, ensureDataset } from './dataset.js';
import { HttpClient } from './http-load.js';
import { type Nats, type PlatformProcess, startNats, startPlatform, waitReady, waitUntil } from './platform-rig.js';
import { figure, machineLoad, note } from './report.js';

export interface BenchSession {
  readonly args: BenchArgs;
  readonly dataset: Dataset;
  readonly client: HttpClient;
  readonly platform: PlatformProcess;
  /** A pool on the data set's database, for choosing sites and clients from the read models. */
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** The one ready wait of a first start on the national set covers the initial build of every projection. */
const READY_TIMEOUT_MS = 120 * 60_000;

/**
 * Loads (or reuses) the data set, starts a private NATS and the platform on it, waits until every projection caught
 * up, and prints the settings and the data set figures.
 */
export async function openSession(
  args: BenchArgs,
  targets: readonly string[],
  env: Record<string, string> = {},
  catchUpTimeoutMs = READY_TIMEOUT_MS,
): Promise<BenchSession> {
  if (opened++ > 0) return startOn(await ensureDataset(args), args, targets, env, catchUpTimeoutMs);
  figure('setting_dataset', args.national ? 'national' : args.districts.join(','));
  figure('setting_concurrency', args.concurrency);
  figure('setting_duration_s', args.seconds);
  figure('setting_warmup_s', args.warmupSeconds);
  figure('setting_cpus', availableParallelism());
  machineLoad('start');
  const dataset = await ensureDataset(args);
  figure('dataset_reused', dataset.reused ? 1 : 0);
  figure('dataset_loaded_by', dataset.how.replace(/\s+/g, '_'));
  figure('dataset_loaded_at', dataset.loadedAt);
  figure('dataset_events', dataset.events);
  figure('dataset_contacts', dataset.contacts);
  figure('dataset_clients', dataset.clients);
  figure(args.national ? 'national_load_s' : 'dataset_load_s', dataset.loadSeconds, 1);
  figure('setting_nats_max_payload', args.natsMaxPayload ?? 'default_1MB');
  return startOn(dataset, args, targets, env, catchUpTimeoutMs);
}

let opened = 0;

async function startOn(
  dataset: Dataset,
  args: BenchArgs,
  targets: readonly string[],
  env: Record<string, string>,
  catchUpTimeoutMs: number,
): Promise<BenchSession> {
  const nats: Nats = await startNats(args.natsMaxPayload);
  let platform: PlatformProcess | undefined;
  let client: HttpClient | undefined;
  const pool = createPool({ connectionString: dataset.databaseUrl, max: 4, applicationName: 'kapocs-bench-driver' });
  try {
    platform = await startPlatform({ databaseUrl: dataset.databaseUrl, natsUrl: nats.url, masterKey: BENCH_MASTER_KEY, targets, env });
    note(`platform pid ${platform.pid} at ${platform.url}, log ${platform.logFile}`);
    client = new HttpClient(platform.url, 4 * args.concurrency);
    note(`targets ${targets.join(',')}`);
    figure('platform_ready_s', await waitReady(client, READY_TIMEOUT_MS), 1);
    figure('platform_caught_up_s', await waitCaughtUp(pool, targets, catchUpTimeoutMs), 1);
    machineLoad('ready');
  } catch (e) {
    client?.close();
    await platform?.stop();
    await nats.stop();
    await pool.end();
    throw e;
  }
  const started = platform;
  const http = client;
  return {
    args,
    dataset,
    client: http,
    platform: started,
    pool,
    async close() {
      http.close();
      await started.stop();
      await nats.stop();
      await pool.end();
    },
  };
}

/**
 * Readiness does not wait for a first projection version to build; this does: every projection of the started
 * services has processed the head of the log as it is now (the first start on a loaded set builds them all from 0).
 */
export async function waitCaughtUp(pool: pg.Pool, targets: readonly string[], timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  const store = new PostgresEventStore({ pool, schema: EVENT_SCHEMA, masterKey: parseMasterKey(BENCH_MASTER_KEY) });
  const head: Checkpoint = await store.headCheckpoint();
  let behind: string[] = [];
  await waitUntil('every projection to reach the head of the log', timeoutMs, async () => {
    const { rows: schemas } = await pool.query<{ s: string }>(
      // Each service keeps its projections in the schema named after it.
      "SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'projection_checkpoints' AND table_schema = ANY($1)",
      [targets],
    );
    behind = [];
    for (const { s } of schemas) {
      const { rows } = await pool.query<{ name: string; version: number; checkpoint: string }>(
        `SELECT name, version, checkpoint FROM ${quoteIdent(s)}.projection_checkpoints`,
      );
      for (const r of rows) if (compareCheckpoints(r.checkpoint as Checkpoint, head) < 0) behind.push(`${r.name} v${r.version}`);
    }
    if (behind.length === 0 && schemas.length > 0) return true;
    // Paced by the build itself: one look a second is plenty for a build of minutes.
    await new Promise((r) => setTimeout(r, 1000));
    return false;
  }, 60_000, () => `(behind: ${behind.join(', ')})`);
  note(`projections caught up in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const seconds = (performance.now() - t0) / 1000;
  await analyzeIfNeeded(pool);
  return seconds;
}

/**
 * Planner statistics for what was just loaded or built. Where autovacuum is off (this machine kind's PostgreSQL has
 * it off), a freshly loaded set has none: the first national runs after a reload then measured plans made blind
 * (signals 115/s and case commands 216/s instead of 174 and 404). ANALYZE samples, so it takes seconds, not minutes.
 */
async function analyzeIfNeeded(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ autovacuum: string; unanalyzed: string }>(
    `SELECT current_setting('autovacuum') AS autovacuum,
       (SELECT count(*) FROM pg_stat_user_tables WHERE n_mod_since_analyze > greatest(1000, n_live_tup / 10))::text AS unanalyzed`,
  );
  const row = rows[0];
  if (!row || Number(row.unanalyzed) === 0) return;
  const t0 = performance.now();
  await pool.query('ANALYZE');
  note(`ANALYZE of ${row.unanalyzed} table(s) with stale statistics (autovacuum ${row.autovacuum}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export interface Site {
  readonly district: string;
  readonly site: string;
  readonly contacts: number;
}

/**
 * The service sites of the data set with the most inhabitants, hence the most forgalmi napló entries (the generator
 * writes round(0.3 × population) a year): read from the gazetteer, so that no read model has to be built first.
 */
export function busiestSites(args: BenchArgs, n: number): Site[] {
  const gazetteer = loadGazetteer();
  return args.districts
    .flatMap((d) => gazetteer.district(d)?.settlements ?? [])
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .slice(0, n)
    .map((s) => ({ district: s.districtCode, site: s.code, contacts: Math.round(0.3 * s.population) }));
}

/** Up to `limit` registered clients of each site, from the event log itself (ClientRegistered), in one scan. */
export async function clientsOf(pool: pg.Pool, sites: readonly Site[], limit: number): Promise<Map<string, string[]>> {
  const { rows } = await pool.query<{ site: string; client_id: string }>(
    `SELECT site, client_id FROM (
       SELECT data->>'site' AS site, data->>'clientId' AS client_id,
              row_number() OVER (PARTITION BY data->>'site' ORDER BY position) AS n
         FROM ${quoteIdent(EVENT_SCHEMA)}.events WHERE type = $1 AND data->>'site' = ANY($2)) c
      WHERE n <= $3`,
    [CLIENT_REGISTERED, sites.map((s) => s.site), limit],
  );
  const out = new Map<string, string[]>(sites.map((s) => [s.site, []]));
  for (const r of rows) out.get(r.site)?.push(r.client_id);
  for (const [site, ids] of out) if (ids.length === 0) throw new Error(`no clients registered at site ${site}`);
  return out;
}

export const todayInBudapest = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
