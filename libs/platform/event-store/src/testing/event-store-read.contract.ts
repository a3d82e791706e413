import { randomUUID } from 'node:crypto';
import { compareCheckpoints, START } from '../checkpoint.js';
import { type EventStore, isRedacted, REDACTED } from '../event-store.port.js';
import { collect, type EventStoreFactory, fullMetadata, newEvent, streamId, uniqueType, untilVisible } from './fixtures.js';
import { jestApi } from './jest-api.js';

/** Reads, versioning and personal data: the second half of `eventStoreContract`. */
export function eventStoreReadContract(factory: EventStoreFactory, store: () => EventStore): void {
  const { describe, it, expect } = jestApi();

  describe('readStream', () => {
    it('reads forwards, backwards, from a version and up to a count', async () => {
      const s = streamId();
      await store().append(s, 'no_stream', [0, 1, 2, 3, 4].map((n) => newEvent('t.N', { n })));
      const nums = async (o: Parameters<EventStore['readStream']>[1]) =>
        (await collect(store().readStream(s, o))).map((e) => Number(e.streamVersion));
      expect(await nums({})).toEqual([0, 1, 2, 3, 4]);
      expect(await nums({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
      expect(await nums({ fromVersion: 2n })).toEqual([2, 3, 4]);
      expect(await nums({ direction: 'backwards', fromVersion: 2n })).toEqual([2, 1, 0]);
      expect(await nums({ fromVersion: 1n, maxCount: 2 })).toEqual([1, 2]);
      expect(await collect(store().readStream(streamId()))).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('pages by checkpoint in global order without gaps or repeats', async () => {
      const before = await store().headCheckpoint();
      const type = uniqueType('Paged');
      const appended: string[] = [];
      for (const s of [streamId(), streamId(), streamId()]) {
        const r = await store().append(s, 'no_stream', [newEvent(type), newEvent(type)]);
        expect(compareCheckpoints(r.checkpoint, before)).toBeGreaterThan(0);
        await untilVisible(store(), r.checkpoint);
      }
      for await (const e of store().streamAll({ after: before, types: [type] })) appended.push(e.id);
      const seen: string[] = [];
      let after = before;
      for (let page = 0; page < 20; page++) {
        const batch = await store().readAll({ after, limit: 2 });
        if (batch.events.length === 0) break;
        for (const e of batch.events) {
          expect(compareCheckpoints(e.checkpoint, after)).toBeGreaterThan(0);
          if (e.type === type) seen.push(e.id);
        }
        after = batch.checkpoint;
      }
      expect(appended).toHaveLength(6);
      expect(seen).toEqual(appended);
      expect(compareCheckpoints(after, await store().headCheckpoint())).toBe(0);
    });

    it('filters by type and still moves the checkpoint past other events', async () => {
      const [wanted, other] = [uniqueType('Wanted'), uniqueType('Other')];
      const before = await store().headCheckpoint();
      const s = streamId();
      await store().append(s, 'no_stream', [newEvent(wanted), newEvent(other), newEvent(wanted)]);
      const last = await store().append(s, 2n, [newEvent(other)]);
      await untilVisible(store(), last.checkpoint);
      const batch = await store().readAll({ after: before, types: [wanted] });
      expect(batch.events.map((e) => e.type)).toEqual([wanted, wanted]);
      expect(compareCheckpoints(batch.checkpoint, last.checkpoint)).toBeGreaterThanOrEqual(0);
      const again = await store().readAll({ after: batch.checkpoint, types: [wanted] });
      expect(again.events).toEqual([]);
      expect(again.checkpoint).toBe(batch.checkpoint);
    });

    it('starts at START and reports the head', async () => {
      const r = await store().append(streamId(), 'no_stream', [newEvent('t.Head')]);
      await untilVisible(store(), r.checkpoint);
      const head = await store().headCheckpoint();
      expect(compareCheckpoints(head, r.checkpoint)).toBeGreaterThanOrEqual(0);
      expect(compareCheckpoints(START, head)).toBeLessThan(0);
      expect((await store().readAll({ after: START, limit: 1 })).events).toHaveLength(1);
    });
  });

  describe('versioning and metadata', () => {
    it('upcasts v1 → v2 → v3 on read, chained and pure', async () => {
      const type = uniqueType('Renamed');
      const upcasting = await factory({
        upcasters: {
          [type]: {
            1: (e) => ({ schemaVersion: 2, data: { fullName: (e.data as { name: string }).name } }),
            2: (e) => ({ schemaVersion: 3, data: { ...(e.data as object), tags: [] } }),
          },
        },
      });
      const s = streamId();
      await upcasting.append(s, 'no_stream', [newEvent(type, { name: 'x' }), newEvent(type, { fullName: 'y' }, undefined, 2)]);
      const read = await collect(upcasting.readStream(s));
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [3, { fullName: 'x', tags: [] }],
        [3, { fullName: 'y', tags: [] }],
      ]);
      expect(await collect(upcasting.readStream(s))).toEqual(read);
    });

    it('round-trips metadata: actor, district, settlement, correlation, causation, trace', async () => {
      const s = streamId();
      const metadata = fullMetadata();
      const event = { ...newEvent('t.Meta', { nested: { a: [1, 'b', null] } }), metadata };
      await store().append(s, 'no_stream', [event]);
      const [read] = await collect(store().readStream(s));
      expect(read?.metadata).toEqual(metadata);
      expect(read?.data).toEqual({ nested: { a: [1, 'b', null] } });
      expect(read?.id).toBe(event.id);
      expect(read?.recordedAt).toBeInstanceOf(Date);
    });
  });

  describe('personal data', () => {
    it('leaves personal data out, undecrypted, when a reader asks for `omit`', async () => {
      const subject = `subject-${randomUUID()}`;
      const type = uniqueType('Omit');
      const r = await store().append(streamId('client'), 'no_stream', [
        { ...newEvent(type, { code: 'x' }), personal: { [subject]: { name: 'Titok Tamás' } } },
      ]);
      await untilVisible(store(), r.checkpoint);
      const { events } = await store().readAll({ types: [type], personal: 'omit' });
      expect(events.map((e) => [e.data, e.personal])).toEqual([[{ code: 'x' }, {}]]);
      const decrypted = await store().readAll({ types: [type] });
      expect(decrypted.events[0]?.personal[subject]).toEqual({ name: 'Titok Tamás' });
    });

    it('leaves personal data out of a stream read too, when asked for `omit`', async () => {
      const subject = `subject-${randomUUID()}`;
      const s = streamId('client');
      await store().append(s, 'no_stream', [{ ...newEvent('t.OmitStream', { code: 'y' }), personal: { [subject]: { name: 'Titok Tamás' } } }]);
      const [omitted] = await collect(store().readStream(s, { personal: 'omit' }));
      expect([omitted?.data, omitted?.personal]).toEqual([{ code: 'y' }, {}]);
      const [decrypted] = await collect(store().readStream(s));
      expect(decrypted?.personal[subject]).toEqual({ name: 'Titok Tamás' });
    });

    it('encrypts per subject and decrypts on read', async () => {
      const [a, b] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
      const s = streamId('client');
      await store().append(s, 'no_stream', [
        newEvent('t.Registered', { ok: true }, { [a]: { name: 'Kiss Anna' }, [b]: { name: 'Nagy Béla' } }),
        newEvent('t.Plain'),
      ]);
      const [withPersonal, plain] = await collect(store().readStream(s));
      expect(withPersonal?.personal).toEqual({ [a]: { name: 'Kiss Anna' }, [b]: { name: 'Nagy Béla' } });
      expect(plain?.personal).toEqual({});
    });

    it('shred redacts one subject forever while data and other subjects stay readable', async () => {
      const [a, b] = [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
      const s = streamId('client');
      await store().append(s, 'no_stream', [newEvent('t.Registered', { ok: 1 }, { [a]: { x: 'A' }, [b]: { x: 'B' } })]);
      await store().shred(a);
      const [read] = await collect(store().readStream(s));
      expect(isRedacted(read?.personal[a])).toBe(true);
      expect(read?.personal[a]).toEqual(REDACTED);
      expect(read?.personal[b]).toEqual({ x: 'B' });
      expect(read?.data).toEqual({ ok: 1 });
      // A later event for the same subject gets a fresh key; the shredded past stays unreadable.
      await store().append(s, 0n, [newEvent('t.Again', {}, { [a]: { x: 'A2' } })]);
      const again = await collect(store().readStream(s));
      expect(again.map((e) => e.personal[a])).toEqual([REDACTED, { x: 'A2' }]);
    });
  });
}
