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

/** The platform libraries the runtime composes (`eventPlatformComponents` in event-platform.ts by default). */
export interface PlatformComponents {
  readonly migrations: readonly SchemaMigrations[];
  readonly createEventBus: (deps: PlatformDeps) => unknown;
  /** Gets the bus created first, so that appends can nudge readers. */
  readonly createEventStore: (deps: PlatformDeps, eventBus: unknown) => unknown;
  readonly workers: readonly BackgroundWorker[];
}

/** No event store or bus: for tests of the runtime alone. `bootstrap()` defaults to `eventPlatformComponents`. */
export const noEventPlatformComponents: PlatformComponents = {
  migrations: [],
  createEventStore: () => null,
  createEventBus: () => null,
  workers: [],
};
