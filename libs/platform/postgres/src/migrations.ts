import type { Pool, PoolClient } from 'pg';

/**
 * A forward-only SQL migration of one component. `sql` gets the quoted schema name so that tests can run each suite
 * in a fresh schema and services keep one schema each (DESIGN.md §4).
 */
export interface Migration {
  /** Unique and fixed forever, e.g. `event-store-0001-events`. */
  readonly id: string;
  readonly sql: (schema: string) => string;
}

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return `"${name}"`;
};

/**
 * Applies the migrations not yet applied to `schema`, each in its own transaction, under an advisory lock so that
 * several pods starting at once apply each migration exactly once.
 */
export async function runMigrations(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<string[]> {
  const s = quoteIdent(schema);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`kapocs-migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ id: string }>(`SELECT id FROM ${s}.schema_migrations`)).rows.map((r) => r.id),
    );
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await inTransaction(client, async () => {
        await client.query(m.sql(s));
        await client.query(`INSERT INTO ${s}.schema_migrations (id) VALUES ($1)`, [m.id]);
      });
      applied.push(m.id);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`kapocs-migrations:${schema}`]).catch(() => undefined);
    client.release();
  }
  return applied;
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/** Runs `work` in one transaction on a pooled client; rolls back on any error. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    client.release();
  }
}
