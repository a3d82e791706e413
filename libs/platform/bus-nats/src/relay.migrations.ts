import type { Migration } from '@kapocs/platform/postgres';

/** The relay's own checkpoint: advanced only after JetStream acknowledged every event of a batch. */
export const relayMigrations: readonly Migration[] = [
  {
    id: 'relay-0001-checkpoints',
    sql: (s) => `CREATE TABLE ${s}.relay_checkpoints (
      name text PRIMARY KEY,
      tx_id xid8 NOT NULL,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];
