import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { compareCheckpoints, newEvent, START, type Checkpoint, untilVisible } from '@kapocs/platform/event-store';
import { migratedTestStore } from './test-store.js';

const WRITERS = 16;
const WRITE_FOR_MS = 12_000;

/**
 * EVENTSTORE.md §7.3: writers hold their transactions open for a random 0–200 ms after appending and 5 % roll back,
 * so positions commit out of order. A subscriber tailing readAll must still see each committed event exactly once,
 * in the order a final full read gives.
 */
describe('PostgreSQL event store: global order under concurrent writers', () => {
  let setup: Awaited<ReturnType<typeof migratedTestStore>>;
  beforeAll(async () => {
    setup = await migratedTestStore('es_torture');
  });
  afterAll(() => setup.db.drop());

  it('delivers every committed event exactly once, in a stable order', async () => {
    const store = setup.store();
    const committed = new Set<string>();
    let lastCommitted: Checkpoint = START;
    const rolledBack = new Set<string>();
    const deadline = Date.now() + WRITE_FOR_MS;
    let writing = true;

    const writer = async (): Promise<void> => {
      const client = await setup.db.pool.connect();
      try {
        while (Date.now() < deadline) {
          const events = Array.from({ length: randomInt(1, 4) }, () => newEvent('torture.Happened'));
          await client.query('BEGIN');
          const [result] = await store.appendWithinTransaction(client, [
            { streamId: `torture-${randomInt(0, 40)}`, expectedVersion: 'any', events },
          ]);
          await client.query('SELECT pg_sleep($1)', [randomInt(0, 201) / 1000]);
          const rollback = Math.random() < 0.05;
          await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
          for (const e of events) (rollback ? rolledBack : committed).add(e.id);
          if (!rollback && result && compareCheckpoints(result.checkpoint, lastCommitted) > 0) lastCommitted = result.checkpoint;
        }
      } finally {
        client.release();
      }
    };

    const seen: string[] = [];
    const subscriber = async (): Promise<void> => {
      let after: Checkpoint = START;
      for (;;) {
        const batch = await store.readAll({ after, limit: 200 });
        for (const e of batch.events) {
          expect(compareCheckpoints(e.checkpoint, after)).toBeGreaterThan(0);
          seen.push(e.id);
        }
        expect(compareCheckpoints(batch.checkpoint, after)).toBeGreaterThanOrEqual(0);
        after = batch.checkpoint;
        if (batch.events.length > 0) continue;
        // Done once the last committed append is behind us. Only then: a transaction still open elsewhere in the
        // database (another suite) holds the read horizon back, and readers must wait for it (ADR-0002).
        if (!writing && compareCheckpoints(after, lastCommitted) >= 0) return;
        if (Date.now() > deadline + 60_000) throw new Error('subscriber did not reach the last committed event');
        // The subscriber's own idle poll interval (a real one backs off 50 ms → 1 s); not test synchronisation.
        await delay(5);
      }
    };

    const tail = subscriber();
    await Promise.all(Array.from({ length: WRITERS }, writer));
    writing = false;
    await tail;

    const final: string[] = [];
    await untilVisible(store, lastCommitted);
    for await (const e of store.streamAll({ after: START, limit: 500 })) final.push(e.id);
    expect(committed.size).toBeGreaterThan(500);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(final);
    expect(new Set(seen)).toEqual(committed);
    expect(seen.some((id) => rolledBack.has(id))).toBe(false);
  }, 90_000);
});
