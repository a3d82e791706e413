import { InProcessEventBus, type EventBus } from '@kapocs/platform/bus';
import { EventRelay, JetStreamEventBus, PostgresRawEventSource, relayMigrations } from '@kapocs/platform/bus-nats';
import { parseMasterKey, type EventStore } from '@kapocs/platform/event-store';
import { eventStoreMigrations, PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import type { BackgroundWorker, PlatformComponents } from './platform-components.js';
import { SignallingEventStore } from './signalling-event-store.js';

/** The one schema of the event log (DESIGN.md §3) and of the relay's checkpoint. */
export const EVENT_STORE_SCHEMA = 'event_store';

/**
 * The relay runs wherever the projector target runs (one pod in the distributed mode, the process under `all`); its
 * advisory lease keeps it single even with several replicas. The in-process bus forgets on restart, so there the
 * relay replays from the start on every boot and consumers deduplicate through their inbox (ADR-0003).
 */
const relayWorker: BackgroundWorker = async (deps, shared) => {
  if (!deps.config.targets.includes('projector')) return async () => undefined;
  const relay = new EventRelay({
    pool: deps.pool,
    schema: EVENT_STORE_SCHEMA,
    source: new PostgresRawEventSource(deps.pool, EVENT_STORE_SCHEMA),
    bus: shared.eventBus as EventBus,
    persistCheckpoint: deps.nats !== undefined,
    registry: deps.metrics,
    onError: (e) => deps.log.error({ err: e instanceof Error ? e.name : 'unknown' }, 'event relay step failed'),
  });
  await relay.start();
  return () => relay.stop();
};

/** The platform components of a real deployment: PostgreSQL event store, JetStream or in-process bus, the relay. */
export const eventPlatformComponents: PlatformComponents = {
  migrations: [{ schema: EVENT_STORE_SCHEMA, migrations: [...eventStoreMigrations, ...relayMigrations] }],
  createEventBus: async (deps): Promise<EventBus> =>
    deps.nats ? JetStreamEventBus.create({ connection: deps.nats }) : new InProcessEventBus(),
  createEventStore: (deps, bus): EventStore =>
    new SignallingEventStore(
      new PostgresEventStore({
        pool: deps.pool,
        schema: EVENT_STORE_SCHEMA,
        masterKey: parseMasterKey(deps.config.masterKey),
        metricsRegistry: deps.metrics,
      }),
      bus as EventBus,
    ),
  workers: [relayWorker],
};
