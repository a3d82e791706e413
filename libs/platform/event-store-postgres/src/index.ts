export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { eventStoreMigrations } from './migrations.js';
export { PostgresSubjectKeyStore, type PostgresSubjectKeyStoreOptions } from './postgres-subject-key-store.js';
export { eventStoreMetrics, type EventStoreMetrics } from './metrics.js';
