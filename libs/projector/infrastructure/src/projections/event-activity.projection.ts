import type { ProjectionDefinition } from '@kapocs/platform/projections';
import { upsertRows } from '@kapocs/platform/projections';
import { eventContext } from '@kapocs/shared/kernel';

/**
 * Events per district, context, type and day: the operator's view of activity and the smoke test of the projection
 * pipeline in every deployment. Codes and counts only, no personal data, so it is safe for any role to aggregate.
 */
export const eventActivityProjection: ProjectionDefinition = {
  name: 'projector.event-activity',
  version: 1,
  tables: ['event_activity'],
  batchSize: 2000,
  migrations: (table) => [
    `CREATE TABLE ${table('event_activity')} (
       district char(3) NOT NULL,
       context text NOT NULL,
       type text NOT NULL,
       day date NOT NULL,
       events bigint NOT NULL,
       PRIMARY KEY (district, context, type, day))`,
  ],
  async handleBatch(client, events, ctx) {
    // Fold in memory, write once per key (set-based: EVENTSTORE.md §7.7).
    const counts = new Map<string, { district: string; context: string; type: string; day: string; events: number }>();
    for (const e of events) {
      const day = e.recordedAt.toISOString().slice(0, 10);
      const key = `${e.metadata.district}|${e.type}|${day}`;
      const row = counts.get(key);
      if (row) row.events += 1;
      else counts.set(key, { district: e.metadata.district, context: eventContext(e.type), type: e.type, day, events: 1 });
    }
    await upsertRows(
      client,
      {
        table: ctx.table('event_activity'),
        columns: { district: 'text', context: 'text', type: 'text', day: 'date', events: 'bigint' },
        key: ['district', 'context', 'type', 'day'],
        onConflict: { events: 't.events + excluded.events' },
      },
      [...counts.values()],
    );
  },
};
