import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type { EventStore } from '../event-store.port.js';
import { eventStoreReadContract } from './event-store-read.contract.js';
import { caught, collect, type EventStoreFactory, newEvent, streamId } from './fixtures.js';
import { jestApi } from './jest-api.js';

/**
 * The one contract every EventStore adapter passes (STYLE.md §2.7): run it from the adapter's spec with a factory.
 * `teardown` runs after the suite (close pools, drop schemas).
 */
export function eventStoreContract(name: string, factory: EventStoreFactory, teardown?: () => Promise<void>): void {
  const { describe, it, expect, beforeAll, afterAll } = jestApi();

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await factory({});
    });
    if (teardown) afterAll(teardown);

    const conflict = async (fn: () => Promise<unknown>): Promise<WrongExpectedVersionError> => {
      const e = await caught(fn);
      expect(e).toBeInstanceOf(WrongExpectedVersionError);
      expect((e as WrongExpectedVersionError).code).toBe(PLATFORM_ERRORS.WRONG_EXPECTED_VERSION);
      return e as WrongExpectedVersionError;
    };

    describe('expected version', () => {
      it('no_stream creates the stream and numbers events from 0', async () => {
        const s = streamId();
        const r = await store.append(s, 'no_stream', [newEvent('t.A'), newEvent('t.B')]);
        expect(r.nextExpectedVersion).toBe(1n);
        expect(r.positions).toHaveLength(2);
        expect((r.positions[1] as bigint) > (r.positions[0] as bigint)).toBe(true);
        expect(await store.streamVersion(s)).toBe(1n);
      });

      it('no_stream on an existing stream is a typed conflict with expected and actual', async () => {
        const s = streamId();
        await store.append(s, 'no_stream', [newEvent('t.A'), newEvent('t.B')]);
        const e = await conflict(() => store.append(s, 'no_stream', [newEvent('t.C')]));
        expect([e.streamId, e.expected, e.actual]).toEqual([s, 'no_stream', 1n]);
        expect(e.details).toEqual({ streamId: s, expected: 'no_stream', actual: '1' });
      });

      it('an exact version succeeds once and a stale one conflicts', async () => {
        const s = streamId();
        await store.append(s, -1n, [newEvent('t.A')]);
        expect((await store.append(s, 0n, [newEvent('t.B')])).nextExpectedVersion).toBe(1n);
        const e = await conflict(() => store.append(s, 0n, [newEvent('t.C')]));
        expect([e.expected, e.actual]).toEqual([0n, 1n]);
        expect([(await conflict(() => store.append(streamId(), 3n, [newEvent('t.D')]))).actual]).toEqual([-1n]);
      });

      it('stream_exists needs an existing stream', async () => {
        const s = streamId();
        const e = await conflict(() => store.append(s, 'stream_exists', [newEvent('t.A')]));
        expect([e.expected, e.actual]).toEqual(['stream_exists', -1n]);
        await store.append(s, 'any', [newEvent('t.A')]);
        expect((await store.append(s, 'stream_exists', [newEvent('t.B')])).nextExpectedVersion).toBe(1n);
      });

      it('any appends to new and existing streams', async () => {
        const s = streamId();
        expect((await store.append(s, 'any', [newEvent('t.A')])).nextExpectedVersion).toBe(0n);
        expect((await store.append(s, 'any', [newEvent('t.B'), newEvent('t.C')])).nextExpectedVersion).toBe(2n);
      });

      it('rejects an append without events', async () => {
        const e = await caught(() => store.append(streamId(), 'any', []));
        expect((e as { code?: string }).code).toBe(PLATFORM_ERRORS.VALIDATION_FAILED);
      });
    });

    describe('idempotency', () => {
      it('a retry with the same event ids returns the original result', async () => {
        const s = streamId();
        const events = [newEvent('t.A'), newEvent('t.B')];
        await store.append(s, 'no_stream', [newEvent('t.First')]);
        const first = await store.append(s, 0n, events);
        const retry = await store.append(s, 0n, events);
        expect(retry).toEqual(first);
        expect(await store.streamVersion(s)).toBe(2n);
        expect((await collect(store.readStream(s))).map((e) => e.id)).toHaveLength(3);
      });

      it('ids partly stored already, or stored in another stream, are a clear error', async () => {
        const s = streamId();
        const a = newEvent('t.A');
        await store.append(s, 'no_stream', [a]);
        const partial = await caught(() => store.append(s, 0n, [a, newEvent('t.B')]));
        expect(partial).toBeInstanceOf(DuplicateEventIdError);
        expect((partial as DuplicateEventIdError).code).toBe(PLATFORM_ERRORS.IDEMPOTENCY_KEY_REUSED);
        expect(await caught(() => store.append(streamId(), 'any', [a]))).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.streamVersion(s)).toBe(0n);
      });
    });

    describe('appendMany', () => {
      it('writes several streams in one go and reports each', async () => {
        const [a, b] = [streamId(), streamId('client')];
        await store.append(b, 'no_stream', [newEvent('t.A')]);
        const results = await store.appendMany([
          { streamId: a, expectedVersion: 'no_stream', events: [newEvent('t.A'), newEvent('t.B')] },
          { streamId: b, expectedVersion: 0n, events: [newEvent('t.C')] },
        ]);
        expect(results.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([
          [a, 1n],
          [b, 1n],
        ]);
      });

      it('writes nothing when one stream check fails', async () => {
        const [a, b] = [streamId(), streamId()];
        const e = await conflict(() =>
          store.appendMany([
            { streamId: a, expectedVersion: 'no_stream', events: [newEvent('t.A')] },
            { streamId: b, expectedVersion: 5n, events: [newEvent('t.B')] },
          ]),
        );
        expect([e.streamId, e.expected, e.actual]).toEqual([b, 5n, -1n]);
        expect(await store.streamVersion(a)).toBe(-1n);
        expect(await collect(store.readStream(a))).toEqual([]);
      });
    });

    eventStoreReadContract(factory, () => store);
  });
}
