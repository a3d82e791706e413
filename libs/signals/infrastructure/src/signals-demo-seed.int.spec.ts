// The demo school must be the organisation of the `signal_member` demo login; only the test compares the two.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEMO_LOGINS } from '@kapocs/intake/demo';
import { MEMBER_REGISTERED, memberStreamId, SIGNAL_SUBMITTED, signalStreamId } from '@kapocs/signals/contracts';
import type { EventStore } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { PG_POOL } from '@kapocs/shared/kernel';
import type { Pool } from 'pg';
import { DEMO_SCHOOL, DEMO_SIGNALS, DEMO_SIGNALS_DISTRICT, DEMO_SIGNALS_SITE, seedDemoSignals } from './demo/demo-signals.seed.js';
import { SIGNAL_QUEUE_RUNNER } from './rpc/signals-deps.token.js';
import { type SignalsHarness, startSignalsHarness } from './test/signals-harness.js';

const eventsOf = async (store: EventStore, streamId: string) => {
  const all = [];
  for await (const e of store.readStream(streamId)) all.push(e);
  return all;
};

describe('the demo signals seed of the embedded default', () => {
  let h: SignalsHarness;
  let store: EventStore;
  beforeAll(async () => {
    h = await startSignalsHarness();
    store = h.store;
  });
  afterAll(() => h.close());

  it('names the organisation and portal user of the signal_member demo login', () => {
    const login = DEMO_LOGINS.find((l) => l.role === 'signal_member');
    expect(login).toMatchObject({ sub: DEMO_SCHOOL.portalUserId, organisation: DEMO_SCHOOL.organisationId, district: DEMO_SIGNALS_DISTRICT });
    expect(login?.settlements).toEqual([DEMO_SIGNALS_SITE]);
  });

  it('registers the school once and its signals in their states, however often it runs', async () => {
    const gazetteer = loadGazetteer();
    const deps = { store, settlementInDistrict: (s: string, d: string) => gazetteer.isSettlementInDistrict(s, d) };
    // Twice at once and once more: the member and every signal exist once, with every triage step once.
    await Promise.allSettled([seedDemoSignals(deps), seedDemoSignals(deps)]);
    const again = await seedDemoSignals(deps);
    expect(again.appended).toBe(0);

    const member = await eventsOf(store, memberStreamId(DEMO_SCHOOL.organisationId));
    expect(member.map((e) => e.type)).toEqual([MEMBER_REGISTERED]);
    expect(member[0]?.data).toMatchObject({ organisationId: DEMO_SCHOOL.organisationId, district: '121', settlements: ['06628'], category: 'SCHOOL', portalUserIds: ['demo-signal-121'] });
    const contact = member[0]?.personal[DEMO_SCHOOL.organisationId] as { contactPerson?: { email?: string } } | undefined;
    expect(contact?.contactPerson?.email).toBe('igazgato@szecsenyi-iskola.example');

    // The member register (read model) lists the school once.
    const pool = h.platform.app.get<Pool>(PG_POOL);
    const states = async () =>
      (await pool.query<{ signal_id: string; status: string; stream_version: string }>('SELECT signal_id, status, stream_version::text FROM signals.signals WHERE signal_id = ANY($1) ORDER BY signal_id', [DEMO_SIGNALS.map((x) => x.signalId)])).rows;
    // Bounded poll of the read model (the queue projection applies the seed's events asynchronously).
    const deadline = Date.now() + 20_000;
    let rows = await states();
    while (rows.filter((r) => r.status === 'closed').length < 1 || rows.length < DEMO_SIGNALS.length) {
      if (Date.now() > deadline) throw new Error(`demo signals not projected: ${JSON.stringify(rows)}`);
      await h.platform.app.get<ProjectionRunner>(SIGNAL_QUEUE_RUNNER).waitForCheckpoint(await store.headCheckpoint(), { timeoutMs: 2_000 }).catch(() => undefined);
      rows = await states();
    }
    expect(rows.map((r) => [r.status, r.stream_version])).toEqual([
      ['received', '0'],
      ['assigned', '1'],
      ['in_progress', '2'],
      ['closed', '3'],
    ]);
    const listed = await pool.query('SELECT name, category FROM signals.members WHERE organisation_id = $1', [DEMO_SCHOOL.organisationId]);
    expect(listed.rows).toEqual([{ name: DEMO_SCHOOL.name, category: 'SCHOOL' }]);

    for (const s of DEMO_SIGNALS) {
      const events = await eventsOf(store, signalStreamId(s.signalId));
      expect(events.length).toBe(1 + s.steps.length);
      expect(events[0]).toMatchObject({ type: SIGNAL_SUBMITTED, data: { reference: s.reference, organisationId: DEMO_SCHOOL.organisationId, source: 'portal', settlement: '06628' } });
    }
  });
});
