import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import type { Logger, Registry } from '@kapocs/platform/observability';
import type { Migration } from '@kapocs/platform/postgres';
import type { ResolvedPlatformConfig } from './config.js';

/** Migrations of one component into its own schema (DESIGN.md §4: one schema per service). */
export interface SchemaMigrations {
  readonly schema: string;
  readonly migrations: readonly Migration[];
}

/** What platform components are built from; shared once per process. */
export interface PlatformDeps {
  readonly config: ResolvedPlatformConfig;
  readonly pool: Pool;
  /** Set in the distributed mode (NATS_URL). */
  readonly nats?: NatsConnection;
  readonly log: Logger;
  readonly metrics: Registry;
}

/** A background part started after the HTTP server (the relay, projection runners); returns its stop function. */
export type BackgroundWorker = (deps: PlatformDeps, shared: { eventStore: unknown; eventBus: unknown }) => Promise<() => Promise<void>>;

/**
 * The platform libraries the runtime composes. INTEGRATION POINT (lead): the event store, bus, relay and projections
 * are written in their own libs; `bootstrap(targets, { components })` or `defaultPlatformComponents` below wire them:
 * - migrations: `{ schema: 'event_store', migrations: eventStoreMigrations }` (+ bus/projection checkpoints);
 * - createEventStore: `new PostgresEventStore({ pool, schema: 'event_store', masterKey: config.masterKey })`;
 * - createEventBus: `nats ? new JetStreamEventBus(nats) : new InProcessEventBus()`;
 * - workers: the EventRelay (store → bus) and the projection runners.
 */
export interface PlatformComponents {
  readonly migrations: readonly SchemaMigrations[];
  readonly createEventStore: (deps: PlatformDeps) => unknown;
  readonly createEventBus: (deps: PlatformDeps) => unknown;
  readonly workers: readonly BackgroundWorker[];
}

export const defaultPlatformComponents: PlatformComponents = {
  migrations: [],
  createEventStore: () => null,
  createEventBus: () => null,
  workers: [],
};
