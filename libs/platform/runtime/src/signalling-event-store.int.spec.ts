import { randomBytes, randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { JetStreamEventBus } from '@kapocs/platform/bus-nats';
import { collect, type EventStore, isRedacted, newEvent } from '@kapocs/platform/event-store';
import { eventStoreMigrations, PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { runMigrations } from '@kapocs/platform/postgres';
import { connectTestNats, createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { SignallingEventStore } from './signalling-event-store.js';

/**
 * Crypto-shredding across processes: two "pods" share the database and NATS, each with its own cache of unwrapped
 * subject keys. A shred in one must take effect in the other at once, not when the other's cache entry expires.
 */
describe('shred signal across processes (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let connections: NatsConnection[];
  let buses: JetStreamEventBus[];
  let podA: SignallingEventStore;
  let podB: SignallingEventStore;
  /** A third process without the signal: proves the cache exists and that the signal is what empties it. */
  let unsignalled: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('shred');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    const masterKey = randomBytes(32);
    const store = () => new PostgresEventStore({ pool: db.pool, schema: db.schema, masterKey });
    // A signal prefix of this suite's own: other suites' signals never reach these buses.
    const signalPrefix = `kapocs.test.${randomUUID().slice(0, 8)}`;
    connections = [await connectTestNats(), await connectTestNats()];
    buses = await Promise.all(connections.map((connection) => JetStreamEventBus.create({ connection, signalPrefix })));
    podA = new SignallingEventStore(store(), buses[0] as JetStreamEventBus);
    podB = new SignallingEventStore(store(), buses[1] as JetStreamEventBus);
    unsignalled = store();
  });

  afterAll(async () => {
    await Promise.all([podA?.stop(), podB?.stop()]);
    await Promise.all((connections ?? []).map((c) => c.drain()));
    await db?.drop();
  });

  const personalOf = async (store: Pick<EventStore, 'readStream'>, streamId: string, subject: string) =>
    (await collect(store.readStream(streamId)))[0]?.personal[subject];

  it('makes the subject unreadable in the other process at once, with no subject id on the bus', async () => {
    const subject = randomUUID();
    const streamId = `client-${subject}`;
    await podA.append(streamId, 'no_stream', [newEvent('test.Registered', { n: 1 }, { [subject]: { name: 'Minta Anna' } })]);
    // Both other processes read it once: the unwrapped key is now in their caches.
    expect(await personalOf(podB, streamId, subject)).toEqual({ name: 'Minta Anna' });
    expect(await personalOf(unsignalled, streamId, subject)).toEqual({ name: 'Minta Anna' });

    await podA.shred(subject);
    expect(isRedacted(await personalOf(podA, streamId, subject))).toBe(true);

    // Pod B gets the signal over NATS; bounded wait on the observable effect, far below the cache's 60 s expiry.
    const deadline = Date.now() + 5_000;
    let redacted = false;
    while (!redacted && Date.now() < deadline) {
      redacted = isRedacted(await personalOf(podB, streamId, subject));
      if (!redacted) await new Promise((r) => setTimeout(r, 20));
    }
    expect(redacted).toBe(true);
    // The process without the signal still serves its cached key: the signal made the difference.
    expect(await personalOf(unsignalled, streamId, subject)).toEqual({ name: 'Minta Anna' });
  });
});
