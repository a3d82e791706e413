import { randomUUID } from 'node:crypto';
import type * as JestGlobals from '@jest/globals';
import type { BusMessage, EventBus } from '../event-bus.port.js';
import { DeliveryLog } from './delivery-log.js';

/** A bus under test; `subjectRoot` is a first subject token the bus accepts (the stream's subjects for JetStream). */
export interface BusFixture {
  readonly bus: EventBus;
  readonly subjectRoot: string;
  dispose(): Promise<void>;
}

// Jest injects these globals; a static import of '@jest/globals' would throw in production code importing the barrel.
const jestGlobals = (): typeof JestGlobals => globalThis as unknown as typeof JestGlobals;

const token = (): string => `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const body = (m: { data: Uint8Array }): string => new TextDecoder().decode(m.data);

/** The EventBus contract (STYLE.md §2.7): every adapter passes it. */
export function busContract(name: string, factory: () => Promise<BusFixture>): void {
  const { describe, it, expect, beforeAll, afterAll } = jestGlobals();
  describe(`EventBus contract: ${name}`, () => {
    let fx: BusFixture;
    const stops: Array<{ stop(): Promise<void> }> = [];
    beforeAll(async () => {
      fx = await factory();
    });
    afterAll(async () => {
      await Promise.all(stops.map((s) => s.stop()));
      await fx?.dispose();
    });
    const msg = (subject: string, extra: Partial<BusMessage> = {}): BusMessage => ({
      id: randomUUID(),
      subject: `${fx.subjectRoot}.${subject}`,
      data: text(subject),
      ...extra,
    });
    const consume = async (filter: string, inbox: DeliveryLog, extra: Record<string, unknown> = {}) => {
      const sub = await fx.bus.consume({
        durable: token(),
        filterSubject: `${fx.subjectRoot}.${filter}`,
        handler: inbox.handler,
        retryDelayMs: 20,
        ...extra,
      });
      stops.push(sub);
      return sub;
    };

    it('delivers messages in publish order with id, subject, headers and data', async () => {
      const t = token();
      const sent = [1, 2, 3].map((i) => msg(`${t}.a.E${i}`, { headers: { 'x-type': `E${i}` } }));
      for (const m of sent) expect(await fx.bus.publish(m)).toEqual({ duplicate: false });
      const inbox = new DeliveryLog();
      await consume(`${t}.>`, inbox);
      await inbox.until((ds) => ds.length >= 3);
      expect(inbox.ids()).toEqual(sent.map((m) => m.id));
      const first = inbox.deliveries[0];
      expect(first?.subject).toBe(sent[0]?.subject);
      expect(first?.headers?.['x-type']).toBe('E1');
      expect(first && body(first)).toBe(`${t}.a.E1`);
      expect(first?.deliveryCount).toBe(1);
    });

    it('deduplicates a republished message id', async () => {
      const t = token();
      const m = msg(`${t}.a`);
      expect(await fx.bus.publish(m)).toEqual({ duplicate: false });
      expect(await fx.bus.publish({ ...m, data: text('other') })).toEqual({ duplicate: true });
      const marker = msg(`${t}.marker`);
      await fx.bus.publish(marker);
      const inbox = new DeliveryLog();
      await consume(`${t}.>`, inbox);
      await inbox.untilId(marker.id);
      expect(inbox.ids()).toEqual([m.id, marker.id]);
      expect(body(inbox.deliveries[0] as BusMessage)).toBe(`${t}.a`);
    });

    it('filters by subject with * and > wildcards', async () => {
      const t = token();
      const ms = [msg(`${t}.101.casework.A`), msg(`${t}.102.intake.B`), msg(`${t}.101.casework.C.D`)];
      for (const m of ms) await fx.bus.publish(m);
      const marker = msg(`${t}.101.casework.Z`);
      await fx.bus.publish(marker);
      const star = new DeliveryLog();
      const tail = new DeliveryLog();
      await consume(`${t}.*.casework.*`, star);
      await consume(`${t}.101.>`, tail);
      await Promise.all([star.untilId(marker.id), tail.untilId(marker.id)]);
      expect(star.ids()).toEqual([ms[0]?.id, marker.id]);
      expect(tail.ids()).toEqual([ms[0]?.id, ms[2]?.id, marker.id]);
    });

    it('redelivers a message whose handler threw, until it is acknowledged', async () => {
      const t = token();
      const m = msg(`${t}.a`);
      await fx.bus.publish(m);
      const inbox = new DeliveryLog();
      let failures = 0;
      const sub = await fx.bus.consume({
        durable: token(),
        filterSubject: `${fx.subjectRoot}.${t}.>`,
        retryDelayMs: 20,
        handler: async (d) => {
          if (failures < 2) {
            failures++;
            throw new Error('transient');
          }
          await inbox.handler(d);
        },
      });
      stops.push(sub);
      await inbox.untilId(m.id);
      expect(failures).toBe(2);
      expect(inbox.deliveries[0]?.deliveryCount).toBe(3);
    });

    it('gives a message up after maxDeliver attempts', async () => {
      const t = token();
      const poison = msg(`${t}.poison`);
      await fx.bus.publish(poison);
      const attempts = new DeliveryLog();
      const handled = new DeliveryLog();
      const sub = await fx.bus.consume({
        durable: token(),
        filterSubject: `${fx.subjectRoot}.${t}.>`,
        maxDeliver: 2,
        retryDelayMs: 20,
        handler: async (d) => {
          if (d.id !== poison.id) return handled.handler(d);
          await attempts.handler(d);
          throw new Error('poison');
        },
      });
      stops.push(sub);
      await attempts.until((ds) => ds.length >= 2);
      const marker = msg(`${t}.marker`);
      await fx.bus.publish(marker);
      await handled.untilId(marker.id);
      expect(attempts.deliveries.map((d) => d.deliveryCount)).toEqual([1, 2]);
    });

    it('resumes a durable after its last acknowledged message', async () => {
      const t = token();
      const durable = token();
      const filterSubject = `${fx.subjectRoot}.${t}.>`;
      const [a, b, c] = [msg(`${t}.a`), msg(`${t}.b`), msg(`${t}.c`)];
      await fx.bus.publish(a);
      await fx.bus.publish(b);
      const first = new DeliveryLog();
      const sub1 = await fx.bus.consume({ durable, filterSubject, handler: first.handler });
      await first.untilId(b.id);
      await sub1.stop();
      await fx.bus.publish(c);
      const second = new DeliveryLog();
      stops.push(await fx.bus.consume({ durable, filterSubject, handler: second.handler }));
      await second.untilId(c.id);
      expect(first.ids()).toEqual([a.id, b.id]);
      expect(second.ids()).toEqual([c.id]);
    });

    it("starts a new durable with deliver 'new' after the messages already stored", async () => {
      const t = token();
      const old = msg(`${t}.old`);
      await fx.bus.publish(old);
      const inbox = new DeliveryLog();
      await consume(`${t}.>`, inbox, { deliver: 'new' });
      const fresh = msg(`${t}.new`);
      await fx.bus.publish(fresh);
      await inbox.untilId(fresh.id);
      expect(inbox.ids()).toEqual([fresh.id]);
    });

    it('gives every durable its own copy of each message', async () => {
      const t = token();
      const m = msg(`${t}.a`);
      await fx.bus.publish(m);
      const [one, two] = [new DeliveryLog(), new DeliveryLog()];
      await consume(`${t}.>`, one);
      await consume(`${t}.>`, two);
      await Promise.all([one.untilId(m.id), two.untilId(m.id)]);
      expect([one.ids(), two.ids()]).toEqual([[m.id], [m.id]]);
    });

    it('wakes signal listeners of the signalled topic only, until they stop', async () => {
      const [a, b] = [token(), token()];
      let countA = 0;
      const gotB = new DeliveryLog();
      const subA = fx.bus.onSignal(a, () => countA++);
      const subB = fx.bus.onSignal(b, () => void gotB.handler({ ...msg(b), deliveryCount: 1 }));
      stops.push(subB);
      fx.bus.signal(a);
      fx.bus.signal(b);
      await gotB.until((ds) => ds.length >= 1);
      expect(countA).toBe(1);
      await subA.stop();
      fx.bus.signal(a);
      fx.bus.signal(b);
      await gotB.until((ds) => ds.length >= 2);
      expect(countA).toBe(1);
    });
  });
}

