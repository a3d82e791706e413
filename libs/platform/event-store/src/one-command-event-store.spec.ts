import { InMemoryEventStore } from './in-memory-event-store.js';
import { OneCommandEventStore } from './one-command-event-store.js';
import { collect, newEvent } from './testing/fixtures.js';

describe('OneCommandEventStore', () => {
  async function setup() {
    const inner = new InMemoryEventStore();
    await inner.append('case-1', 'no_stream', [newEvent('t.A', { n: 1 }), newEvent('t.B', { n: 2 })]);
    const reads: string[] = [];
    const read = inner.readStream.bind(inner);
    inner.readStream = (streamId, options) => {
      reads.push(`${streamId}:${options?.personal ?? 'decrypt'}`);
      return read(streamId, options);
    };
    return { inner, reads, store: new OneCommandEventStore(inner) };
  }

  it('reads a stream once for the scope check (first event) and the fold (all events)', async () => {
    const { reads, store } = await setup();
    expect((await collect(store.readStream('case-1', { maxCount: 1 }))).map((e) => e.type)).toEqual(['t.A']);
    expect((await collect(store.readStream('case-1'))).map((e) => e.type)).toEqual(['t.A', 't.B']);
    expect(reads).toEqual(['case-1:decrypt']);
    // Reading without personal data is another read; options it does not know go straight through.
    await collect(store.readStream('case-1', { personal: 'omit' }));
    await collect(store.readStream('case-1', { direction: 'backwards' }));
    expect(reads).toEqual(['case-1:decrypt', 'case-1:omit', 'case-1:decrypt']);
  });

  it('forgets a stream it appends to, so a later read sees the new events', async () => {
    const { reads, store } = await setup();
    await collect(store.readStream('case-1'));
    await store.append('case-1', 1n, [newEvent('t.C')]);
    expect((await collect(store.readStream('case-1'))).map((e) => e.type)).toEqual(['t.A', 't.B', 't.C']);
    expect(reads).toEqual(['case-1:decrypt', 'case-1:decrypt']);
  });
});
