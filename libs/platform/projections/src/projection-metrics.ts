import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import { quoteIdent } from '@kapocs/platform/postgres';
import { counter, gauge } from '@kapocs/platform/observability';

/** Lag and throughput of one projection, kept for `status()` and exported to Prometheus. */
export class ProjectionMetrics {
  lagEvents = 0;
  lagSeconds = 0;
  private readonly labels: { projection: string };
  private readonly m;

  constructor(
    name: string,
    private readonly pool: pg.Pool,
    private readonly eventStoreSchema: string | undefined,
    registry?: Registry,
  ) {
    this.labels = { projection: name };
    const l = ['projection'];
    this.m = {
      lagEvents: gauge('kapocs_projection_lag_events', 'Events committed but not yet projected', l, registry),
      lagSeconds: gauge('kapocs_projection_lag_seconds', 'Age of the newest projected event while behind', l, registry),
      events: counter('kapocs_projection_events_total', 'Events applied by the projection', l, registry),
      rebuild: counter('kapocs_projection_rebuild_events_total', 'Events applied while rebuilding', l, registry),
    };
  }

  async processed(events: readonly RecordedEvent[], rebuilding: boolean): Promise<void> {
    const last = events[events.length - 1];
    this.m.events.inc(this.labels, events.length);
    if (rebuilding) this.m.rebuild.inc(this.labels, events.length);
    if (!last) return;
    this.lagSeconds = Math.max(0, (Date.now() - last.recordedAt.getTime()) / 1000);
    const head = await this.headPosition();
    // Positions are taken before commit and may have gaps, so this is an estimate, exact once writers are idle.
    this.lagEvents = head === undefined ? events.length : Number(head > last.position ? head - last.position : 0n);
    this.publish();
  }

  caughtUp(): void {
    this.lagEvents = 0;
    this.lagSeconds = 0;
    this.publish();
  }

  private publish(): void {
    this.m.lagEvents.set(this.labels, this.lagEvents);
    this.m.lagSeconds.set(this.labels, this.lagSeconds);
  }

  private async headPosition(): Promise<bigint | undefined> {
    if (!this.eventStoreSchema) return undefined;
    const { rows } = await this.pool.query<{ head: string | null }>(
      `SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'position'))::text AS head`,
      [`${quoteIdent(this.eventStoreSchema)}.events`],
    );
    return BigInt(rows[0]?.head ?? '0');
  }
}
