import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { seed } from '@kapocs/intake/demo';
import { MASTER_KEY_ENV, masterKeyFromEnv } from '@kapocs/platform/event-store';
import { PostgresEventStore, eventStoreMigrations } from '@kapocs/platform/event-store-postgres';
import { createPool, defaultDatabaseUrl, quoteIdent, runMigrations } from '@kapocs/platform/postgres';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { type GeneratorArgs, parseGeneratorArgs, RUNTIME_SCHEMA } from './args.js';

const figure = (name: string, value: number, digits = 0): void => {
  process.stdout.write(`${name}=${value.toFixed(digits)}\n`);
};
const note = (message: string): void => {
  process.stderr.write(`# ${message}\n`);
};

/** The runtime's schema needs the runtime's key; a throw-away benchmark schema may use a throw-away key. */
function masterKeyFor(args: GeneratorArgs): Buffer {
  if (process.env[MASTER_KEY_ENV] || args.schema === RUNTIME_SCHEMA) return masterKeyFromEnv();
  note(`${MASTER_KEY_ENV} not set: a random key for schema ${args.schema} (its personal data is unreadable later)`);
  return randomBytes(32);
}

/** `npm run generate -- --districts 121 --seed 1 [--national]`: demo and scale data into DATABASE_URL. */
async function main(): Promise<void> {
  const gazetteer = loadGazetteer();
  const args = parseGeneratorArgs(process.argv.slice(2), gazetteer);
  const population = args.districts.reduce((n, d) => n + (gazetteer.district(d)?.population ?? 0), 0);
  note(`${args.districts.length} district(s), population ${population}, seed ${args.seed}, year ${args.year}`);
  note(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const pool = createPool({
    connectionString: defaultDatabaseUrl(),
    max: args.concurrency + 2,
    applicationName: 'kapocs-generator',
  });
  try {
    const masterKey = masterKeyFor(args);
    if (args.fresh) await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(args.schema)} CASCADE`);
    await runMigrations(pool, args.schema, eventStoreMigrations);
    const store = new PostgresEventStore({ pool, schema: args.schema, masterKey });
    let lastNote = 0;
    const result = await seed({
      store,
      districts: args.districts,
      seed: args.seed,
      year: args.year,
      concurrency: args.concurrency,
      streamsPerBatch: args.streamsPerBatch,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastNote < 5000 && p.sitesDone < p.sitesTotal) return;
        lastNote = now;
        note(`${p.sitesDone}/${p.sitesTotal} sites, ${p.events} events, ${p.contacts} contacts`);
      },
    });
    figure('generator_districts', args.districts.length);
    figure('generator_sites', result.sitesTotal);
    figure('generator_sites_skipped', result.sitesSkipped);
    figure('generator_clients', result.clients);
    figure('generator_contacts', result.contacts);
    figure('generator_events', result.events);
    figure('generator_seconds', result.seconds, 1);
    figure('generator_events_per_s', result.events / result.seconds);
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
