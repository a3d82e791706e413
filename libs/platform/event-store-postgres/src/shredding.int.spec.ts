import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { collect, newEvent, REDACTED } from '@kapocs/platform/event-store';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';
import { migratedTestStore } from './test-store.js';

/** Counts rows, in every user table of the database, whose text form contains `needle`. */
async function rowsContaining(pool: Pool, needle: string, onlySchema?: string): Promise<number> {
  const { rows: tables } = await pool.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
       AND ($1::text IS NULL OR table_schema = $1)`,
    [onlySchema ?? null],
  );
  let found = 0;
  for (const { s, t } of tables) {
    const ident = `"${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`;
    try {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${ident} AS x WHERE strpos(x::text, $1) > 0`,
        [needle],
      );
      found += rows[0]?.n ?? 0;
    } catch (e) {
      // Other suites drop their schemas while we scan; a vanished table holds nothing.
      if (!['42P01', '3F000'].includes((e as { code?: string }).code ?? '')) throw e;
    }
  }
  return found;
}

describe('PostgreSQL event store: crypto-shredding', () => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    // A database of its own: "anywhere in the database" is then every table of it, and nothing of other suites.
    setup = await migratedTestStore('es_shred', { ownDatabase: true });
  });
  afterAll(() => setup.db.drop());

  it('leaves no plaintext and no key of a shredded subject anywhere, and the other subject still decrypts', async () => {
    const store = setup.store();
    const [a, b] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
    const [plainA, plainB] = [`Alpha-${randomUUID()}`, `Bravo-${randomUUID()}`];
    const stream = `client-${randomUUID()}`;
    await store.append(stream, 'no_stream', [
      newEvent('intake.ClientRegistered', { ok: true }, { [a]: { name: plainA }, [b]: { name: plainB } }),
      newEvent('intake.ContactLogged', { minutes: 30 }, { [a]: { note: plainA } }),
    ]);
    const keyStore = new PostgresSubjectKeyStore({ pool: setup.db.pool, schema: setup.db.schema, masterKey: setup.masterKey });
    const { rows } = await setup.db.pool.query<{ hex: string }>(
      `SELECT encode(wrapped_key, 'hex') AS hex FROM "${setup.db.schema}".subject_keys WHERE subject_id = $1`,
      [a],
    );
    const wrappedA = rows[0]?.hex as string;
    expect(wrappedA).toHaveLength(120);
    // The scan does find what is stored: the stream id in the events and the wrapped key in its row.
    expect(await rowsContaining(setup.db.pool, stream, setup.db.schema)).toBe(3);
    expect(await rowsContaining(setup.db.pool, wrappedA, setup.db.schema)).toBe(1);

    await store.shred(a);

    expect(await rowsContaining(setup.db.pool, plainA, setup.db.schema)).toBe(0);
    expect(await rowsContaining(setup.db.pool, plainA)).toBe(0);
    expect(await rowsContaining(setup.db.pool, wrappedA)).toBe(0);
    expect(await rowsContaining(setup.db.pool, plainB)).toBe(0);
    expect((await keyStore.find([a, b])).has(a)).toBe(false);
    // A store with a cold cache reads what the database holds, not what the shredding process remembers.
    for (const reader of [store, setup.store()]) {
      const [registered, logged] = await collect(reader.readStream(stream));
      expect(registered?.personal).toEqual({ [a]: REDACTED, [b]: { name: plainB } });
      expect(registered?.data).toEqual({ ok: true });
      expect(logged?.personal).toEqual({ [a]: REDACTED });
      expect(logged?.data).toEqual({ minutes: 30 });
    }
  });
});
