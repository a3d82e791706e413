import { randomBytes, randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Registry } from 'prom-client';
import {
  APPENDED_SIGNAL,
  consumeEvents,
  type EventBus,
  DeliveryLog,
  InProcessEventBus,
  waitFor,
} from '@kapocs/platform/bus';
import { type EventStore, fullMetadata, newEvent } from '@kapocs/platform/event-store';
import { eventStoreMigrations, PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { runMigrations } from '@kapocs/platform/postgres';
import { connectTestNats, createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { EventRelay, type EventRelayOptions } from './event-relay.js';
import { JetStreamEventBus } from './jetstream-event-bus.js';
import { PostgresRawEventSource } from './raw-event-source.js';
import { relayMigrations } from './relay.migrations.js';

interface Fixture {
  db: TestDatabase;
  store: EventStore;
  bus: JetStreamEventBus;
  root: string;
  relay(options?: Partial<EventRelayOptions>): EventRelay;
  storedMessages(): Promise<number>;
}

describe('EventRelay on PostgreSQL and JetStream', () => {
  let nc: NatsConnection;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    nc = await connectTestNats();
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await nc.close();
  });

  async function fixture(): Promise<Fixture> {
    const db = await createTestDatabase('relay');
    await runMigrations(db.pool, db.schema, [...eventStoreMigrations, ...relayMigrations]);
    const id = randomBytes(5).toString('hex');
    const root = `r${id}`;
    const bus = await JetStreamEventBus.create({ connection: nc, stream: `R_${id}`, subjects: [`${root}.>`] });
    const relays: EventRelay[] = [];
    cleanups.push(async () => {
      for (const r of relays) await r.stop();
      await bus.close();
      await (await jetstreamManager(nc)).streams.delete(`R_${id}`);
      await db.drop();
    });
    const source = new PostgresRawEventSource(db.pool, db.schema);
    return {
      db,
      bus,
      root,
      store: new PostgresEventStore({ pool: db.pool, schema: db.schema, masterKey: randomBytes(32) }),
      relay: (options = {}) => {
        const relay = new EventRelay({ pool: db.pool, schema: db.schema, source, bus, subjectRoot: root, ...options });
        relays.push(relay);
        return relay;
      },
      storedMessages: async () => (await (await jetstreamManager(nc)).streams.info(`R_${id}`)).state.messages,
    };
  }

  // An open transaction anywhere in the database holds back visibility (ADR-0002), so a relay step may find nothing yet.
  const relayBatch = (relay: EventRelay): Promise<void> =>
    waitFor(async () => (await relay.relayOnce()) > 0, { what: 'a visible batch' });

  it('publishes each event on events.<district>.<context>.<type> with personal data still sealed', async () => {
    const fx = await fixture();
    const subject = `subject-${randomUUID()}`;
    const e1 = newEvent('casework.CaseOpened', { caseId: 'c1' }, { [subject]: { name: 'Kovács Anna' } });
    const e2 = newEvent('intake.ClientRegistered', { clientId: 'k1' });
    await fx.store.append(`case-${randomUUID()}`, 'no_stream', [e1, e2]);
    fx.relay().start();
    const inbox = new DeliveryLog();
    const envelopes: unknown[] = [];
    await consumeEvents(fx.bus, {
      durable: 'check',
      filter: `${fx.root}.>`,
      handler: async (envelope, delivery) => {
        envelopes.push(envelope);
        await inbox.handler(delivery);
      },
    }).then((s) => cleanups.push(() => s.stop()));
    await inbox.until((ds) => ds.length >= 2);
    const [d1, d2] = inbox.deliveries;
    expect([d1?.id, d2?.id]).toEqual([e1.id, e2.id]);
    expect(d1?.subject).toBe(`${fx.root}.121.casework.CaseOpened`);
    expect(d2?.subject).toBe(`${fx.root}.121.intake.ClientRegistered`);
    expect(d1?.headers).toMatchObject({
      'Nats-Msg-Id': e1.id,
      'Kapocs-Event-Type': 'casework.CaseOpened',
      'Kapocs-Schema-Version': '1',
      traceparent: fullMetadata().trace?.traceparent,
      tracestate: 'kapocs=1',
    });
    const body = new TextDecoder().decode(d1?.data);
    expect(body).not.toContain('Kovács');
    expect(envelopes[0]).toMatchObject({ id: e1.id, type: 'casework.CaseOpened', data: { caseId: 'c1' } });
    expect(Object.keys((envelopes[0] as { personal: object }).personal)).toEqual([subject]);
    expect(JSON.stringify(envelopes[0])).toMatch(/"ct":/);
  });

  it('after a crash mid-batch, a restarted relay republishes without loss or duplicates', async () => {
    const fx = await fixture();
    const total = 300;
    await fx.store.append(
      `case-${randomUUID()}`,
      'no_stream',
      Array.from({ length: total }, (_, i) => newEvent('casework.ContactLogged', { i })),
    );
    let calls = 0;
    let crash: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    // Dies on the 151st publish: batch 1 (100) is checkpointed, 50 events of batch 2 are on the stream, unrecorded.
    const dying: EventBus = Object.assign(Object.create(fx.bus) as EventBus, {
      publish: (m: Parameters<EventBus['publish']>[0]) => {
        if (++calls > 150) {
          crash();
          return Promise.reject(new Error('crash'));
        }
        return fx.bus.publish(m);
      },
    });
    const first = fx.relay({ bus: dying, batchSize: 100, onError: () => undefined });
    first.start();
    await crashed;
    await first.stop();
    // The 50 publishes in flight at the crash still land; their checkpoint was never saved.
    await waitFor(async () => (await fx.storedMessages()) === 150, { what: '150 messages on the stream' });

    const second = fx.relay({ batchSize: 100 });
    second.start();
    await waitFor(() => second.status().published + second.status().duplicates >= 200, { what: 'relay restart' });
    expect(second.status()).toMatchObject({ published: 150, duplicates: 50 });
    expect(await fx.storedMessages()).toBe(total);
  });

  it('is woken by the append nudge and keeps one leader per relay name', async () => {
    const fx = await fixture();
    const leader = fx.relay();
    leader.start();
    const follower = fx.relay();
    const inbox = new DeliveryLog();
    await consumeEvents(fx.bus, { durable: 'live', filter: `${fx.root}.>`, handler: (_e, d) => inbox.handler(d) }).then(
      (s) => cleanups.push(() => s.stop()),
    );
    const e = newEvent('signals.SignalReceived');
    await fx.store.append(`signal-${randomUUID()}`, 'no_stream', [e]);
    fx.bus.signal(APPENDED_SIGNAL);
    await inbox.untilId(e.id);
    expect(await follower.relayOnce()).toBe(0);
    expect(follower.status().leader).toBe(false);
    expect(leader.status().leader).toBe(true);
    expect(await fx.storedMessages()).toBe(1);
  });

  it('reports its lag in events', async () => {
    const fx = await fixture();
    const registry = new Registry();
    await fx.store.append(`case-${randomUUID()}`, 'no_stream', [newEvent('casework.A'), newEvent('casework.B')]);
    const relay = fx.relay({ registry, batchSize: 1 });
    const lag = async () => (await registry.getSingleMetric('kapocs_relay_lag_events')?.get())?.values[0]?.value;
    await relayBatch(relay);
    expect(await lag()).toBe(1);
    await relayBatch(relay);
    expect(await lag()).toBe(0);
  });

  it('replays the whole log into a fresh in-process bus on every boot when the checkpoint is not persisted', async () => {
    const fx = await fixture();
    const events = [newEvent('casework.A'), newEvent('casework.B')];
    await fx.store.append(`case-${randomUUID()}`, 'no_stream', events);
    for (let boot = 0; boot < 2; boot++) {
      const bus = new InProcessEventBus();
      const relay = fx.relay({ bus, persistCheckpoint: false, subjectRoot: 'events' });
      relay.start();
      const inbox = new DeliveryLog();
      const filter = 'events.121.casework.*';
      const sub = await consumeEvents(bus, { durable: 'svc', filter, handler: (_e, d) => inbox.handler(d) });
      await inbox.until((ds) => ds.length >= 2);
      await Promise.all([sub.stop(), relay.stop()]);
      expect(inbox.ids()).toEqual(events.map((e) => e.id));
    }
    const saved = await fx.db.pool.query(`SELECT count(*)::int AS n FROM "${fx.db.schema}".relay_checkpoints`);
    expect(saved.rows[0].n).toBe(0);
  });
});
