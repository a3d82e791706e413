import { randomUUID } from 'node:crypto';
import {
  caught,
  collect,
  DuplicateEventIdError,
  newEvent,
  REDACTED,
  WrongExpectedVersionError,
} from '@kapocs/platform/event-store';
import { migratedTestStore } from './test-store.js';

// The contract suite runs through these paths too; this pins the cases it only covers with another path: one event
// (append_one), several events of one stream (append_events), with and without prepared statements.
describe.each([true, false])('PostgreSQL event store: single-stream paths (prepared statements: %s)', (prepared) => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    setup = await migratedTestStore('es_single');
  });
  afterAll(() => setup.db.drop());
  const store = () => setup.store(undefined, { preparedStatements: prepared });

  it('a retried single-event append returns the original result, for no_stream and an exact version', async () => {
    const s = `one-${randomUUID()}`;
    const first = newEvent('t.First');
    const original = await store().append(s, 'no_stream', [first]);
    expect(await store().append(s, 'no_stream', [first])).toEqual(original);
    const second = newEvent('t.Second');
    const next = await store().append(s, 0n, [second]);
    expect(await store().append(s, 0n, [second])).toEqual(next);
    expect(next.nextExpectedVersion).toBe(1n);
    expect((await collect(store().readStream(s))).map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it('a single event id reused in another stream is the typed duplicate error, whatever the expected version', async () => {
    const e = newEvent('t.A');
    await store().append(`one-${randomUUID()}`, 'no_stream', [e]);
    for (const expected of ['no_stream', 'any'] as const) {
      expect(await caught(() => store().append(`one-${randomUUID()}`, expected, [e]))).toBeInstanceOf(
        DuplicateEventIdError,
      );
    }
  });

  it('a stale single-event append is a conflict carrying the actual version', async () => {
    const s = `one-${randomUUID()}`;
    await store().append(s, 'no_stream', [newEvent('t.A'), newEvent('t.B')]);
    const e = (await caught(() => store().append(s, 0n, [newEvent('t.C')]))) as WrongExpectedVersionError;
    expect(e).toBeInstanceOf(WrongExpectedVersionError);
    expect([e.expected, e.actual]).toEqual([0n, 1n]);
  });

  it('stores personal data, null data and metadata of a multi-event append column by column', async () => {
    const s = `one-${randomUUID()}`;
    const subject = `subject-${randomUUID()}`;
    const events = [newEvent('t.A', null, { [subject]: { name: 'Teszt Elek' } }), newEvent('t.B', { n: 2 })];
    const result = await store().append(s, 'no_stream', events);
    expect(result.positions).toHaveLength(2);
    const read = await collect(store().readStream(s));
    expect(read.map((e) => [e.type, e.data, e.personal])).toEqual([
      ['t.A', null, { [subject]: { name: 'Teszt Elek' } }],
      ['t.B', { n: 2 }, {}],
    ]);
    expect(read.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
    const { rows } = await setup.db.pool.query<{ district: string; personal: unknown }>(
      `SELECT district, personal FROM "${setup.db.schema}".events WHERE stream_id = $1 ORDER BY stream_version`,
      [s],
    );
    expect(rows.map((r) => [r.district, r.personal === null])).toEqual([
      [events[0]?.metadata.district, false],
      [events[1]?.metadata.district, true],
    ]);
    await store().shred(subject);
    expect((await collect(store().readStream(s)))[0]?.personal).toEqual({ [subject]: REDACTED });
  });
});
