import { randomBytes } from 'node:crypto';
import { AdvisoryLease } from './advisory-lease.js';
import { type Migration, quoteIdent, runMigrations, withTransaction } from './migrations.js';
import { createPool, defaultDatabaseUrl } from './pool.js';

const pool = createPool({ connectionString: defaultDatabaseUrl(), max: 6, applicationName: 'kapocs-test-postgres' });
const schema = `mig_${randomBytes(6).toString('hex')}`;
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await pool.end();
});

const migrations: Migration[] = [
  { id: 'test-0001', sql: (s) => `CREATE TABLE ${s}.things (id int PRIMARY KEY)` },
  { id: 'test-0002', sql: (s) => `INSERT INTO ${s}.things VALUES (1)` },
];

describe('migrations', () => {
  it('applies each migration once, even when several starters race', async () => {
    const results = await Promise.all([1, 2, 3].map(() => runMigrations(pool, schema, migrations)));
    expect(results.flat().sort()).toEqual(['test-0001', 'test-0002']);
    expect(await runMigrations(pool, schema, migrations)).toEqual([]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${quoteIdent(schema)}.things`);
    expect(rows[0].n).toBe(1);
  });

  it('leaves nothing of a failing migration behind', async () => {
    const failing: Migration = { id: 'test-0003', sql: (s) => `INSERT INTO ${s}.things VALUES (2); SELECT 1/0` };
    await expect(runMigrations(pool, schema, [...migrations, failing])).rejects.toThrow();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${quoteIdent(schema)}.things`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses identifiers that could inject SQL', () => {
    expect(() => quoteIdent('a"; DROP TABLE x; --')).toThrow();
    expect(quoteIdent('event_store')).toBe('"event_store"');
  });
});

describe('withTransaction', () => {
  it('rolls back every statement when the work fails', async () => {
    await expect(
      withTransaction(pool, async (c) => {
        await c.query(`INSERT INTO ${quoteIdent(schema)}.things VALUES (7)`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${quoteIdent(schema)}.things WHERE id = 7`);
    expect(rows[0].n).toBe(0);
  });
});

describe('AdvisoryLease', () => {
  it('is held by one holder at a time and passes on when released', async () => {
    const key = `lease-${randomBytes(4).toString('hex')}`;
    const a = new AdvisoryLease(pool, 'kapocs-test', key);
    const b = new AdvisoryLease(pool, 'kapocs-test', key);
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    await b.release();
  });
});

describe('createPool', () => {
  it('outlives the server ending an idle connection, and the next query gets a new one', async () => {
    const name = `kapocs-test-idle-${randomBytes(4).toString('hex')}`;
    const victim = createPool({ connectionString: defaultDatabaseUrl(), max: 1, applicationName: name });
    try {
      await victim.query('SELECT 1');
      expect(victim.idleCount).toBe(1);
      const { rows } = await pool.query<{ ok: boolean }>('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1', [name]);
      expect(rows.map((r) => r.ok)).toEqual([true]);
      // The idle client's 'error' reaches the pool (without a handler, an uncaught error failing this suite), which
      // drops the client: wait for that, with a deadline.
      const deadline = Date.now() + 10_000;
      while (victim.totalCount > 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      expect(victim.totalCount).toBe(0);
      expect((await victim.query<{ n: number }>('SELECT 2 AS n')).rows[0]?.n).toBe(2);
    } finally {
      await victim.end();
    }
  });
});
