import type { Migration } from '@kapocs/platform/postgres';

/**
 * One row per projection version. `live` marks the version the views point at; `tables` lets a later version drop
 * the tables of the one it replaces.
 */
export const projectionMigrations: readonly Migration[] = [
  {
    id: 'projections-0001-checkpoints',
    sql: (s) => `CREATE TABLE ${s}.projection_checkpoints (
      name text NOT NULL,
      version int NOT NULL,
      checkpoint text NOT NULL,
      live boolean NOT NULL DEFAULT false,
      tables text[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (name, version)
    )`,
  },
];
