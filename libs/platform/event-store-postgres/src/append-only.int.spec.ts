import { newEvent } from '@kapocs/platform/event-store';
import { migratedTestStore } from './test-store.js';

describe('PostgreSQL event store: the database enforces append-only', () => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  let s: string;
  beforeAll(async () => {
    setup = await migratedTestStore('es_append_only');
    s = `"${setup.db.schema}"`;
    await setup.store().append('case-1', 'no_stream', [newEvent('t.A', { v: 1 })]);
  });
  afterAll(() => setup.db.drop());

  const rejected = async (sql: string): Promise<string | undefined> =>
    setup.db.pool.query(sql).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );

  it('refuses UPDATE of an event', async () => {
    expect(await rejected(`UPDATE ${s}.events SET data = '{"v":2}'`)).toBe('KA405');
  });

  it('refuses DELETE of an event', async () => {
    expect(await rejected(`DELETE FROM ${s}.events`)).toBe('KA405');
  });

  it('refuses TRUNCATE of the events and streams tables', async () => {
    expect(await rejected(`TRUNCATE ${s}.events`)).toBe('KA405');
    expect(await rejected(`TRUNCATE ${s}.streams CASCADE`)).toBe('KA405');
  });

  it('still holds the original row, and upcasting never wrote back', async () => {
    const store = setup.store({ 't.A': { 1: (e) => ({ schemaVersion: 2, data: { upcast: e.data } }) } });
    for await (const e of store.readStream('case-1')) expect(e.data).toEqual({ upcast: { v: 1 } });
    const { rows } = await setup.db.pool.query(`SELECT data, schema_version FROM ${s}.events`);
    expect(rows).toEqual([{ data: { v: 1 }, schema_version: 1 }]);
  });
});
