import { Counter, Histogram, register as defaultRegistry, type Registry } from 'prom-client';

export interface EventStoreMetrics {
  readonly appendSeconds: Histogram;
  /** Labelled by stream category (`case`, `client`…), never by stream id: ids would explode the series count. */
  readonly conflicts: Counter<'stream_category'>;
  readonly appendedEvents: Counter;
}

// Several stores in one process (target `all`, tests) share one set of series; registering twice would throw.
const getOrCreate = <T>(registry: Registry, name: string, create: () => T): T =>
  (registry.getSingleMetric(name) as T | undefined) ?? create();

export function eventStoreMetrics(registry: Registry = defaultRegistry): EventStoreMetrics {
  return {
    appendSeconds: getOrCreate(
      registry,
      'kapocs_eventstore_append_seconds',
      () =>
        new Histogram({
          name: 'kapocs_eventstore_append_seconds',
          help: 'Duration of event store appends (one round trip, all streams of the call)',
          buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
          registers: [registry],
        }),
    ),
    conflicts: getOrCreate(
      registry,
      'kapocs_eventstore_conflicts_total',
      () =>
        new Counter({
          name: 'kapocs_eventstore_conflicts_total',
          help: 'Appends rejected by the expected-version check',
          labelNames: ['stream_category'] as const,
          registers: [registry],
        }),
    ),
    appendedEvents: getOrCreate(
      registry,
      'kapocs_eventstore_appended_events_total',
      () =>
        new Counter({
          name: 'kapocs_eventstore_appended_events_total',
          help: 'Events appended (idempotent retries not counted twice)',
          registers: [registry],
        }),
    ),
  };
}
