import { streamCategory } from '@kapocs/platform/event-store';
import { type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';

/**
 * The trivial read model of the rebuild figure: events per district and stream category. Each batch is folded in
 * memory and written with one set-based upsert, the way EVENTSTORE.md §7.7 asks real projections to write.
 */
export const countsProjection = (batchSize: number): ProjectionDefinition => ({
  name: 'bench.counts',
  version: 1,
  tables: ['event_counts'],
  batchSize,
  migrations: (t) => [
    `CREATE TABLE ${t('event_counts')} (district text NOT NULL, category text NOT NULL, n bigint NOT NULL,
       PRIMARY KEY (district, category))`,
  ],
  handleBatch: async (client, events, ctx) => {
    const folded = new Map<string, { district: string; category: string; n: number }>();
    for (const e of events) {
      const category = streamCategory(e.streamId);
      const key = `${e.metadata.district}/${category}`;
      const row = folded.get(key);
      if (row) row.n++;
      else folded.set(key, { district: e.metadata.district, category, n: 1 });
    }
    await upsertRows(
      client,
      {
        table: ctx.table('event_counts'),
        columns: { district: 'text', category: 'text', n: 'bigint' },
        key: ['district', 'category'],
        onConflict: { n: 't.n + excluded.n' },
      },
      [...folded.values()],
    );
  },
});
