import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createMetricsRegistry, type Logger } from '@kapocs/platform/observability';
import { createPool, runMigrations } from '@kapocs/platform/postgres';
import type { PlatformConfig, ResolvedPlatformConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded/embedded-postgres.js';
import { loadOrCreateMasterKey } from './embedded/master-key.js';
import { registerPgMetrics } from './pg-metrics.js';
import type { PlatformComponents, PlatformDeps, SchemaMigrations } from './platform-components.js';
import { ReadinessRegistry } from './readiness.js';

export interface StartedPlatform {
  readonly deps: PlatformDeps;
  readonly readiness: ReadinessRegistry;
  readonly eventStore: unknown;
  readonly eventBus: unknown;
  /** Closes in reverse order of start: NATS, pool, embedded PostgreSQL. */
  close(): Promise<void>;
}

/**
 * Starts the shared parts once per process: the database (embedded when DATABASE_URL is unset), the pool, NATS (when
 * NATS_URL is set), the master key, then the migrations of the platform components and of every selected target.
 */
export async function startPlatform(
  config: PlatformConfig,
  components: PlatformComponents,
  targetMigrations: readonly SchemaMigrations[],
  log: Logger,
): Promise<StartedPlatform> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((e: unknown) => log.error({ err: String(e) }, 'shutdown step failed'));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres(config.dataDir, log);
      closers.push(() => embedded.stop());
      databaseUrl = embedded.url;
    }
    const resolved: ResolvedPlatformConfig = {
      ...config,
      databaseUrl,
      masterKey: config.masterKey ?? (await loadOrCreateMasterKey(config.dataDir)),
    };
    const pool = createPool({ connectionString: resolved.databaseUrl, applicationName: `kapocs-${resolved.targets.length > 1 ? 'all' : resolved.targets[0]}` });
    pool.on('error', (e) => log.warn({ err: e.name }, 'idle PostgreSQL client failed'));
    closers.push(() => pool.end());
    const nats: NatsConnection | undefined = resolved.natsUrl
      ? await connect({ servers: resolved.natsUrl, name: 'kapocs-platform' })
      : undefined;
    if (nats) closers.push(() => nats.close());
    for (const { schema, migrations } of [...components.migrations, ...targetMigrations]) {
      const applied = await runMigrations(pool, schema, migrations);
      if (applied.length) log.info({ schema, applied }, 'migrations applied');
    }
    const metrics = createMetricsRegistry();
    registerPgMetrics(metrics, pool);
    const deps: PlatformDeps = { config: resolved, pool, log, metrics, ...(nats ? { nats } : {}) };
    const readiness = new ReadinessRegistry();
    readiness.register('database', async () => {
      await pool.query('SELECT 1');
    });
    if (nats) readiness.register('nats', () => !nats.isClosed());
    const eventBus = await components.createEventBus(deps);
    const closable = eventBus as { close?: () => Promise<void> } | null;
    if (closable?.close) closers.push(() => (closable.close as () => Promise<void>)());
    return { deps, readiness, eventStore: await components.createEventStore(deps, eventBus), eventBus, close };
  } catch (e) {
    await close();
    throw e;
  }
}
