export { JetStreamEventBus, type JetStreamEventBusOptions } from './jetstream-event-bus.js';
export {
  type RawCheckpoint,
  RAW_START,
  type RawEventSource,
  PostgresRawEventSource,
} from './raw-event-source.js';
export { EventRelay, type EventRelayOptions, type RelayStatus } from './event-relay.js';
export { relayMigrations } from './relay.migrations.js';
export { processedEventsMigrations, markProcessed, handleOnce } from './processed-events.js';
