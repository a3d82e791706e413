import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPool, defaultDatabaseUrl, quoteIdent } from '@kapocs/platform/postgres';

/**
 * A real PostgreSQL for integration tests (STYLE.md §2.7): a fresh schema per suite, dropped afterwards. Fails
 * loudly when the server is not there.
 */
export interface TestDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 't', options: { ownDatabase?: boolean } = {}): Promise<TestDatabase> {
  if (options.ownDatabase) return createOwnDatabase(prefix);
  const url = defaultDatabaseUrl();
  const pool = createPool({ connectionString: url, max: 24, applicationName: `kapocs-test-${prefix}` });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`Integration tests need PostgreSQL at ${url}: ${(e as Error).message}`);
  }
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await pool.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  return {
    pool,
    schema,
    url,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await pool.end();
    },
  };
}

/**
 * A whole database of its own, for tests that must scan every table of "the database" (crypto-shredding) without
 * reading what parallel suites write. Dropped with FORCE afterwards.
 */
async function createOwnDatabase(prefix: string): Promise<TestDatabase> {
  const admin = createPool({ connectionString: defaultDatabaseUrl(), max: 1, applicationName: `kapocs-test-${prefix}` });
  const name = `kapocs_${prefix}_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } catch (e) {
    await admin.end().catch(() => undefined);
    throw new Error(`Integration tests need PostgreSQL at ${defaultDatabaseUrl()}: ${(e as Error).message}`);
  }
  const target = new URL(defaultDatabaseUrl());
  target.pathname = `/${name}`;
  const url = target.toString();
  const pool = createPool({ connectionString: url, max: 24, applicationName: `kapocs-test-${prefix}` });
  const schema = 'public';
  return {
    pool,
    schema,
    url,
    async drop() {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}
