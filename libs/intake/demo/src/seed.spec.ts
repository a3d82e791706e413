import { type ClientEvent, type ClientPersonalDetails, clientStreamId } from '@kapocs/intake/contracts';
import { evolveClient, initialClientState } from '@kapocs/intake/domain';
import { InMemoryEventStore, type RecordedEvent } from '@kapocs/platform/event-store';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { DEMO_LOGINS, DEMO_SITE } from './demo-district.js';
import { seed, siteSpecs } from './seed.js';
import { siteBatches } from './site-batches.js';
import { planSite } from './site-plan.js';

const SMALL = '103'; // Bélapátfalvai járás, the smallest district

async function all(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.streamAll()) out.push(e);
  return out;
}

async function streamOf(store: InMemoryEventStore, id: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readStream(id)) out.push(e);
  return out;
}

describe('seed through the event store port', () => {
  it('round-trips a seeded district: every event stored, personal data readable, clients rebuildable', async () => {
    const store = new InMemoryEventStore();
    const progress: number[] = [];
    const result = await seed({ store, districts: [SMALL], seed: 1, year: 2025, onProgress: (p) => progress.push(p.sitesDone) });
    const stored = await all(store);
    expect(stored).toHaveLength(result.events);
    expect(result.contacts).toBeGreaterThan(2000);
    expect(progress.at(-1)).toBe(result.sitesTotal);

    const registered = stored.filter((e) => e.type === 'intake.ClientRegistered');
    expect(registered).toHaveLength(result.clients);
    expect(stored.filter((e) => e.type === 'intake.RegisterNumberAssigned')).toHaveLength(result.clients);
    expect(new Set(stored.map((e) => e.metadata.district))).toEqual(new Set([SMALL]));
    expect(stored.every((e) => e.metadata.actor.userId.startsWith('demo-') && e.metadata.correlationId.length > 0)).toBe(true);

    const first = registered[0] as RecordedEvent;
    const clientId = (first.data as { clientId: string }).clientId;
    const events = await streamOf(store, clientStreamId(clientId));
    const state = events
      .map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data, personal: e.personal }) as unknown as ClientEvent)
      .reduce(evolveClient, initialClientState());
    expect(state.status).toBe('registered');
    const personal = first.personal[clientId] as unknown as ClientPersonalDetails;
    expect(personal.mothersName.startsWith('Minta ')).toBe(true);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => BigInt(i)));
  });

  it('appends nothing new on a second run, and completes a half-written site with idempotent retries', async () => {
    const store = new InMemoryEventStore();
    const spec = siteSpecs(loadGazetteer(), [SMALL], 9, 2025)[0];
    if (!spec) throw new Error('no site');
    const [firstBatch] = siteBatches(planSite(spec), 9, 400).batches;
    await store.appendMany(firstBatch ?? []);

    const once = await seed({ store, districts: [SMALL], seed: 9, year: 2025, streamsPerBatch: 400 });
    const count = (await all(store)).length;
    expect(count).toBe(once.events);
    const head = await store.headCheckpoint();

    const twice = await seed({ store, districts: [SMALL], seed: 9, year: 2025 });
    expect(twice.sitesSkipped).toBe(twice.sitesTotal);
    expect(twice.events).toBe(0);
    expect(await store.headCheckpoint()).toBe(head);
  });

  it('offers one demo login per role, the settlement worker in Szécsény', () => {
    const roles = DEMO_LOGINS.map((l) => l.role);
    expect(new Set(roles).size).toBe(7);
    expect(DEMO_LOGINS.find((l) => l.role === 'settlement_worker')?.settlements).toEqual([DEMO_SITE]);
    expect(DEMO_LOGINS.find((l) => l.role === 'signal_member')?.organisation).toBeDefined();
  });
});
