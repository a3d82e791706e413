import { randomBytes } from 'node:crypto';
import type { UpcasterRegistry } from '@kapocs/platform/event-store';
import { runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { eventStoreMigrations } from './migrations.js';
import { PostgresEventStore } from './postgres-event-store.js';

/** A migrated fresh schema and a store factory over it, for the int specs of this lib. */
export async function migratedTestStore(prefix: string, options: { ownDatabase?: boolean } = {}): Promise<{
  db: TestDatabase;
  masterKey: Buffer;
  store: (upcasters?: UpcasterRegistry, options?: { preparedStatements?: boolean }) => PostgresEventStore;
}> {
  const db = await createTestDatabase(prefix, options);
  await runMigrations(db.pool, db.schema, eventStoreMigrations);
  const masterKey = randomBytes(32);
  return {
    db,
    masterKey,
    store: (upcasters, options = {}) =>
      new PostgresEventStore({
        pool: db.pool,
        schema: db.schema,
        masterKey,
        ...(upcasters ? { upcasters } : {}),
        ...options,
      }),
  };
}
