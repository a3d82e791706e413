import { randomUUID } from 'node:crypto';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';
import { migratedTestStore } from './test-store.js';

describe('PostgreSQL subject key store', () => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    setup = await migratedTestStore('es_keys');
  });
  afterAll(() => setup.db.drop());
  const keyStore = () =>
    new PostgresSubjectKeyStore({ pool: setup.db.pool, schema: setup.db.schema, masterKey: setup.masterKey });

  it('hands every concurrent creator of a new subject the one stored key', async () => {
    const subject = `subject-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => keyStore().getOrCreate([subject])));
    const keys = new Set(results.map((m) => m.get(subject)?.toString('hex')));
    expect(keys.size).toBe(1);
    expect((await keyStore().find([subject])).get(subject)?.toString('hex')).toBe([...keys][0]);
  });

  it('returns existing keys and creates missing ones in the same call, and a fresh key after a shred', async () => {
    const old = `subject-${randomUUID()}`;
    const fresh = `subject-${randomUUID()}`;
    const before = (await keyStore().getOrCreate([old])).get(old);
    const both = await keyStore().getOrCreate([old, fresh, old]);
    expect(both.get(old)).toEqual(before);
    expect(both.get(fresh)).toHaveLength(32);
    await keyStore().destroy(old);
    expect((await keyStore().find([old])).has(old)).toBe(false);
    const recreated = (await keyStore().getOrCreate([old])).get(old);
    expect(recreated).toHaveLength(32);
    expect(recreated).not.toEqual(before);
  });
});
