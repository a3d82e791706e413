import { randomUUID } from 'node:crypto';
import { CachedSubjectKeyStore, collect, newEvent, type SubjectKeyStore } from '@kapocs/platform/event-store';
import { PostgresEventStore } from './postgres-event-store.js';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';
import { migratedTestStore } from './test-store.js';

/** A fold without decryption brings the stream's subject keys along, so the next seal of that subject asks nothing. */
describe.each([true, false])('PostgreSQL event store: subject keys read with a stream (prepared statements: %s)', (prepared) => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    setup = await migratedTestStore('es_keyprime');
  });
  afterAll(() => setup.db.drop());

  /** A store with a fresh cache over a key table that counts its lookups. */
  function countingStore() {
    const table = new PostgresSubjectKeyStore({ pool: setup.db.pool, schema: setup.db.schema, masterKey: setup.masterKey });
    const lookups: string[][] = [];
    const counted: SubjectKeyStore = {
      getOrCreate: (ids) => (lookups.push([...ids]), table.getOrCreate(ids)),
      find: (ids) => (lookups.push([...ids]), table.find(ids)),
      destroy: (id) => table.destroy(id),
    };
    const store = new PostgresEventStore({
      pool: setup.db.pool,
      schema: setup.db.schema,
      masterKey: setup.masterKey,
      keyStore: new CachedSubjectKeyStore(counted),
      preparedStatements: prepared,
    });
    return { store, lookups };
  }

  it('primes the key of every subject in the stream on an undecrypted read, and the seal then needs no lookup', async () => {
    const [client, relative] = [`c-${randomUUID()}`, `r-${randomUUID()}`];
    const stream = `client-${client}`;
    await setup.store().append(stream, 'no_stream', [
      newEvent('t.Registered', { n: 1 }, { [client]: { name: 'Minta Anna' } }),
      newEvent('t.Noted', { n: 2 }),
      newEvent('t.Related', { n: 3 }, { [relative]: { name: 'Minta Béla' } }),
    ]);
    const { store, lookups } = countingStore();
    const folded = await collect(store.readStream(stream, { personal: 'omit' }));
    expect(folded.map((e) => e.personal)).toEqual([{}, {}, {}]);
    expect(lookups).toEqual([]);
    await store.append(`contact-${randomUUID()}`, 'no_stream', [newEvent('t.Contact', { n: 4 }, { [client]: { description: 'Családlátogatás' } })]);
    expect(lookups).toEqual([]);
    // The primed key is the subject's real key: the other stream decrypts with it.
    const decrypted = await collect(setup.store().readStream(stream));
    expect(decrypted[2]?.personal).toEqual({ [relative]: { name: 'Minta Béla' } });
  });

  it('primes nothing for a shredded subject, and a decrypting read asks as before', async () => {
    const subject = `s-${randomUUID()}`;
    const stream = `client-${subject}`;
    await setup.store().append(stream, 'no_stream', [newEvent('t.Registered', { n: 1 }, { [subject]: { name: 'Minta Cili' } })]);
    await setup.store().shred(subject);
    const { store, lookups } = countingStore();
    await collect(store.readStream(stream, { personal: 'omit' }));
    await collect(store.readStream(stream));
    expect(lookups).toEqual([[subject]]);
  });
});
