import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { CLIENT_REGISTERED, CONTACT_LOGGED, GROUP_SESSION_LOGGED } from '@kapocs/intake/contracts';
import { seed } from '@kapocs/intake/demo';
import { relayMigrations } from '@kapocs/platform/bus-nats';
import { parseMasterKey } from '@kapocs/platform/event-store';
import { eventStoreMigrations, PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { createPool, defaultDatabaseUrl, quoteIdent, runMigrations } from '@kapocs/platform/postgres';
import type { BenchArgs } from './bench-args.js';
import { note } from './report.js';

/** The runtime's event store schema (EVENT_STORE_SCHEMA): the platform under test reads the data set from it. */
export const EVENT_SCHEMA = 'event_store';
/** Fixed, so that a data set loaded once can be read (decrypted) by every later benchmark run; benchmark data only. */
export const BENCH_MASTER_KEY = Buffer.alloc(32, 0x62).toString('base64');
const META = 'bench_meta';

export interface Dataset {
  readonly databaseUrl: string;
  readonly database: string;
  /** True when a complete set of the same districts, seed, year and generator version was already loaded. */
  readonly reused: boolean;
  /** Seconds of the load that produced the set (the earlier run's when reused). */
  readonly loadSeconds: number;
  readonly how: string;
  readonly loadedAt: string;
  readonly events: number;
  readonly contacts: number;
  readonly clients: number;
}

/**
 * A fingerprint of the generator: its sources (libs/intake/demo/src without specs). A change of the generator makes a
 * new set; a change anywhere else does not.
 */
export function generatorVersion(root = process.cwd()): string {
  const dir = join(root, 'libs/intake/demo/src');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).sort()) {
    hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** One database per data set, so that the benchmark's read models never mix with the shared test schemas. */
export const databaseName = (args: BenchArgs): string =>
  args.national ? 'kapocs_bench' : `kapocs_bench_${[...args.districts].sort().join('_')}`;

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

interface Marker {
  districts: string;
  seed: number;
  year: number;
  generator_version: string;
  load_seconds: number;
  how: string;
  loaded_at: Date;
  events: string;
  contacts: string;
  clients: string;
}

async function readMarker(pool: pg.Pool): Promise<Marker | undefined> {
  const { rows } = await pool.query<Marker>(
    `SELECT * FROM ${META}.dataset WHERE EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${META}')`,
  ).catch(() => ({ rows: [] as Marker[] }));
  return rows[0];
}

/** Counts of what the event store holds, from the log itself. */
async function countEvents(pool: pg.Pool): Promise<{ events: number; contacts: number; clients: number }> {
  const { rows } = await pool.query<{ events: string; contacts: string; clients: string }>(
    `SELECT count(*)::text AS events,
            count(*) FILTER (WHERE type IN ($1, $2))::text AS contacts,
            count(*) FILTER (WHERE type = $3)::text AS clients
       FROM ${quoteIdent(EVENT_SCHEMA)}.events`,
    [CONTACT_LOGGED, GROUP_SESSION_LOGGED, CLIENT_REGISTERED],
  );
  const r = rows[0];
  return { events: Number(r?.events ?? 0), contacts: Number(r?.contacts ?? 0), clients: Number(r?.clients ?? 0) };
}

/**
 * The loaded set is a bulk import: the relay starts after it, so that only the benchmark's own events go to the bus
 * (the projections read the store itself and build from position 0). Set once, right after the load.
 */
async function relayAfterImport(pool: pg.Pool): Promise<void> {
  await runMigrations(pool, EVENT_SCHEMA, relayMigrations);
  await pool.query(
    `INSERT INTO ${quoteIdent(EVENT_SCHEMA)}.relay_checkpoints (name, tx_id, position)
     SELECT 'default', tx_id, position FROM ${quoteIdent(EVENT_SCHEMA)}.events ORDER BY tx_id DESC, position DESC LIMIT 1
     ON CONFLICT (name) DO NOTHING`,
  );
}

async function writeMarker(pool: pg.Pool, args: BenchArgs, version: string, seconds: number, how: string): Promise<void> {
  const counts = await countEvents(pool);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${META}`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${META}.dataset (
    districts text NOT NULL, seed int NOT NULL, year int NOT NULL, generator_version text NOT NULL,
    load_seconds double precision NOT NULL, how text NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(),
    events bigint NOT NULL, contacts bigint NOT NULL, clients bigint NOT NULL)`);
  await pool.query(`DELETE FROM ${META}.dataset`);
  await pool.query(
    `INSERT INTO ${META}.dataset (districts, seed, year, generator_version, load_seconds, how, events, contacts, clients)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [args.districts.join(','), args.seed, args.year, version, seconds, how, counts.events, counts.contacts, counts.clients],
  );
}

async function recreateDatabase(admin: pg.Pool, database: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
}

/**
 * The data set of `args` in its own database: reused when a complete set of the same districts, seed, year and
 * generator version is there (its marker is written only after a load finished), else loaded from scratch with the
 * generator's `seed()` (the code behind `npm run generate`). `--adopt-load-seconds` marks a set loaded by
 * `npm run generate -- … --schema event_store` into that database as complete, with that run's seconds.
 */
export async function ensureDataset(args: BenchArgs): Promise<Dataset> {
  const database = databaseName(args);
  const databaseUrl = withDatabase(defaultDatabaseUrl(), database);
  const admin = createPool({ connectionString: defaultDatabaseUrl(), max: 1, applicationName: 'kapocs-bench-admin' });
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await admin.end();
  }
  const version = generatorVersion();
  let pool = createPool({ connectionString: databaseUrl, max: 10, applicationName: 'kapocs-bench-loader' });
  try {
    const marker = await readMarker(pool);
    const same =
      marker !== undefined &&
      marker.districts === args.districts.join(',') &&
      marker.seed === args.seed &&
      marker.year === args.year &&
      marker.generator_version === version;
    if (!same && args.adoptLoadSeconds !== undefined) {
      note(`adopting the set in ${database} as loaded in ${args.adoptLoadSeconds} s`);
      await relayAfterImport(pool);
      await writeMarker(pool, args, version, args.adoptLoadSeconds, 'npm run generate (adopted)');
    } else if (!same) {
      note(`no complete set in ${database} (marker: ${marker ? JSON.stringify(marker) : 'none'}): loading ${args.districts.length} district(s)`);
      await pool.end();
      const admin2 = createPool({ connectionString: defaultDatabaseUrl(), max: 1, applicationName: 'kapocs-bench-admin' });
      await recreateDatabase(admin2, database).finally(() => admin2.end());
      pool = createPool({ connectionString: databaseUrl, max: 10, applicationName: 'kapocs-bench-loader' });
      await runMigrations(pool, EVENT_SCHEMA, eventStoreMigrations);
      const store = new PostgresEventStore({ pool, schema: EVENT_SCHEMA, masterKey: parseMasterKey(BENCH_MASTER_KEY) });
      let last = 0;
      const result = await seed({
        store,
        districts: args.districts,
        seed: args.seed,
        year: args.year,
        concurrency: 8,
        streamsPerBatch: 400,
        onProgress: (p) => {
          if (Date.now() - last < 10_000 && p.sitesDone < p.sitesTotal) return;
          last = Date.now();
          note(`load: ${p.sitesDone}/${p.sitesTotal} sites, ${p.events} events`);
        },
      });
      await relayAfterImport(pool);
      await writeMarker(pool, args, version, result.seconds, 'bench seed()');
    }
    const m = (await readMarker(pool)) as Marker;
    return {
      databaseUrl,
      database,
      reused: same,
      loadSeconds: m.load_seconds,
      how: m.how,
      loadedAt: m.loaded_at.toISOString(),
      events: Number(m.events),
      contacts: Number(m.contacts),
      clients: Number(m.clients),
    };
  } finally {
    await pool.end();
  }
}
