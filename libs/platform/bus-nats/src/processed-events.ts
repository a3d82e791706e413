import type pg from 'pg';
import { type Migration, quoteIdent, withTransaction } from '@kapocs/platform/postgres';

/** DeliveryLog of side-effect consumers: one row per (consumer, event) already handled. */
export const processedEventsMigrations: readonly Migration[] = [
  {
    id: 'inbox-0001-processed-events',
    sql: (s) => `CREATE TABLE ${s}.processed_events (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
  },
];

/** Records the event for the consumer inside the caller's transaction; false when it was recorded before. */
export async function markProcessed(
  client: pg.PoolClient,
  schema: string,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO ${quoteIdent(schema)}.processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [consumer, eventId],
  );
  return rowCount === 1;
}

/**
 * Runs `work` at most once per (consumer, event) with an effect on PostgreSQL: the inbox row and the work commit
 * together, so a redelivered event is skipped. Returns false for a duplicate. An external call inside `work` can
 * still repeat if the commit fails after it, so such calls must be idempotent at the receiver.
 */
export function handleOnce(
  pool: pg.Pool,
  schema: string,
  consumer: string,
  eventId: string,
  work: (client: pg.PoolClient) => Promise<void>,
): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    if (!(await markProcessed(client, schema, consumer, eventId))) return false;
    await work(client);
    return true;
  });
}
