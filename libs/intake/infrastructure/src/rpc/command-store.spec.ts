import { collect, InMemoryEventStore, type ReadStreamOptions } from '@kapocs/platform/event-store';
import type { CommandMeta, DistrictCode } from '@kapocs/shared/kernel';
import type { IntakeDeps } from '@kapocs/intake/application';
import { oneCommandDeps } from './command-store.js';

const meta: CommandMeta = { now: '2025-03-10T09:00:00Z', actor: { userId: 'w', role: 'settlement_worker' }, district: '121' as DistrictCode, correlationId: 'c' };
const event = (id: string) => ({ id, type: 'test.Happened', schemaVersion: 1, data: { site: '06628' }, metadata: meta });

/** An in-memory store that counts the stream reads reaching it. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  override readStream(streamId: string, options?: ReadStreamOptions) {
    this.reads++;
    return super.readStream(streamId, options);
  }
}

const depsOn = (store: CountingStore): IntakeDeps => ({
  store,
  identities: { candidates: async () => [] },
  settlements: { isKnownSettlement: async () => true, isSettlementInDistrict: async () => true },
});

describe('oneCommandDeps', () => {
  it('reads a stream once for the scope check and the handler, and serves both the same events', async () => {
    const store = new CountingStore();
    await store.append('s-1', 'no_stream', [event('00000000-0000-4000-8000-000000000001'), event('00000000-0000-4000-8000-000000000002')]);
    const deps = oneCommandDeps(depsOn(store));
    const first = await collect(deps.store.readStream('s-1', { maxCount: 1 }));
    const all = await collect(deps.store.readStream('s-1'));
    expect(first.map((e) => e.streamVersion)).toEqual([0n]);
    expect(all.map((e) => e.streamVersion)).toEqual([0n, 1n]);
    expect(store.reads).toBe(1);
  });

  it('reads again after an append, and lets backwards or partial reads through', async () => {
    const store = new CountingStore();
    const deps = oneCommandDeps(depsOn(store));
    expect(await collect(deps.store.readStream('s-2'))).toEqual([]);
    await deps.store.append('s-2', 'no_stream', [event('00000000-0000-4000-8000-000000000003')]);
    expect(await collect(deps.store.readStream('s-2'))).toHaveLength(1);
    expect(await collect(deps.store.readStream('s-2', { direction: 'backwards' }))).toHaveLength(1);
    expect(store.reads).toBe(3);
  });

  it('keeps a read without personal data apart from a decrypting one', async () => {
    const store = new CountingStore();
    const subject = 'subject-1';
    await store.append('s-4', 'no_stream', [{ ...event('00000000-0000-4000-8000-000000000005'), personal: { [subject]: { name: 'Titok' } } }]);
    const deps = oneCommandDeps(depsOn(store));
    const [omitted] = await collect(deps.store.readStream('s-4', { maxCount: 1, personal: 'omit' }));
    const [again] = await collect(deps.store.readStream('s-4', { personal: 'omit' }));
    const [decrypted] = await collect(deps.store.readStream('s-4'));
    expect([omitted?.personal, again?.personal, decrypted?.personal]).toEqual([{}, {}, { [subject]: { name: 'Titok' } }]);
    expect(store.reads).toBe(2);
  });

  it('gives every command its own memory', async () => {
    const store = new CountingStore();
    const shared = depsOn(store);
    await collect(oneCommandDeps(shared).store.readStream('s-3'));
    await store.append('s-3', 'no_stream', [event('00000000-0000-4000-8000-000000000004')]);
    expect(await collect(oneCommandDeps(shared).store.readStream('s-3'))).toHaveLength(1);
  });
});
