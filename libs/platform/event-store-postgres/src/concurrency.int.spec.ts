import { randomUUID } from 'node:crypto';
import { register } from 'prom-client';
import { caught, newEvent, WrongExpectedVersionError } from '@kapocs/platform/event-store';
import { migratedTestStore } from './test-store.js';

describe('PostgreSQL event store: racing appends', () => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    setup = await migratedTestStore('es_race');
  });
  afterAll(() => setup.db.drop());

  const conflicts = async (): Promise<number> => {
    const metric = await register.getSingleMetric('kapocs_eventstore_conflicts_total')?.get();
    return metric?.values.find((v) => v.labels['stream_category'] === 'race')?.value ?? 0;
  };

  it('lets exactly one of two appends with the same expected version win', async () => {
    const store = setup.store();
    const stream = `race-${randomUUID()}`;
    await store.append(stream, 'no_stream', [newEvent('t.Opened')]);
    const before = await conflicts();
    // The first holds its transaction open, so the second really waits on the same stream row.
    const client = await setup.db.pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendWithinTransaction(client, [{ streamId: stream, expectedVersion: 0n, events: [newEvent('t.A')] }]);
      const loser = caught(() => store.append(stream, 0n, [newEvent('t.B')]));
      await client.query('COMMIT');
      const e = (await loser) as WrongExpectedVersionError;
      expect(e).toBeInstanceOf(WrongExpectedVersionError);
      expect([e.expected, e.actual]).toEqual([0n, 1n]);
    } finally {
      client.release();
    }
    expect(await conflicts()).toBe(before + 1);
    expect(await store.streamVersion(stream)).toBe(1n);
  });

  it('lets exactly one of many simultaneous no_stream appends win', async () => {
    const store = setup.store();
    const stream = `race-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => store.append(stream, 'no_stream', [newEvent('t.A', { i })])),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.every((o) => o.reason instanceof WrongExpectedVersionError)).toBe(true);
    expect(await store.streamVersion(stream)).toBe(0n);
  });

  it('gives identical retries racing each other the same original result', async () => {
    const store = setup.store();
    const stream = `race-${randomUUID()}`;
    const events = [newEvent('t.A'), newEvent('t.B')];
    const results = await Promise.all(Array.from({ length: 4 }, () => store.append(stream, 'any', events)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(await store.streamVersion(stream)).toBe(1n);
  });
});
