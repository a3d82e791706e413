import { randomUUID } from 'node:crypto';
import { runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { handleOnce, processedEventsMigrations } from './processed-events.js';

describe('processed_events inbox', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('inbox');
    await runMigrations(db.pool, db.schema, processedEventsMigrations);
    await db.pool.query(`CREATE TABLE "${db.schema}".effects (event_id uuid)`);
  });
  afterAll(() => db.drop());

  const effect = (id: string) => (c: import('pg').PoolClient) =>
    c.query(`INSERT INTO "${db.schema}".effects VALUES ($1)`, [id]).then(() => undefined);
  const count = async (id: string) =>
    Number((await db.pool.query(`SELECT count(*) AS n FROM "${db.schema}".effects WHERE event_id = $1`, [id])).rows[0].n);

  it('runs the work once per consumer and event, in the same transaction as the inbox row', async () => {
    const id = randomUUID();
    expect(await handleOnce(db.pool, db.schema, 'mailer', id, effect(id))).toBe(true);
    expect(await handleOnce(db.pool, db.schema, 'mailer', id, effect(id))).toBe(false);
    expect(await handleOnce(db.pool, db.schema, 'sms', id, effect(id))).toBe(true);
    expect(await count(id)).toBe(2);
  });

  it('forgets the inbox row when the work fails, so a redelivery runs it again', async () => {
    const id = randomUUID();
    await expect(
      handleOnce(db.pool, db.schema, 'mailer', id, async () => Promise.reject(new Error('smtp down'))),
    ).rejects.toThrow('smtp down');
    expect(await handleOnce(db.pool, db.schema, 'mailer', id, effect(id))).toBe(true);
    expect(await count(id)).toBe(1);
  });
});
