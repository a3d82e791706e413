import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { signalStreamId, type SubmitSignalData } from '@kapocs/signals/contracts';
import { createSignalDecider } from '@kapocs/signals/domain';
import { compareCheckpoints, metadataOf, type NewEvent } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';
import { type CommandMeta, type DistrictCode, PG_POOL, type SettlementCode } from '@kapocs/shared/kernel';
import { SIGNAL_QUEUE_RUNNER } from './rpc/signals-deps.token.js';
import { api, DISTRICT, registerMember, type SignalsHarness, SITE_A, startSignalsHarness, today } from './test/signals-harness.js';

describe('signals submitted in one transaction, projected as one batch', () => {
  let h: SignalsHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(() => h.close());

  it('queues each with its own categories, and matches them with each other', async () => {
    const m = await registerMember(h, admin);
    const meta: CommandMeta = { now: new Date().toISOString(), actor: { userId: 'teacher', role: 'signal_member' }, district: DISTRICT as DistrictCode, correlationId: randomUUID() };
    const member = { organisationId: m.organisationId, district: DISTRICT as DistrictCode, category: 'SCHOOL', portalUserIds: ['teacher'] };
    // One child, a name of its own per run: the two signals meet only each other.
    const subject = { name: `Minta Kata ${randomUUID().slice(0, 8)}`, birthDate: '2016-05-06' };
    const submitted = (categories: string[]): { signalId: string; events: NewEvent[] } => {
      const signalId = randomUUID();
      const data: SubmitSignalData = {
        signalId,
        reference: `J-${randomUUID().slice(0, 5).toUpperCase()}-${randomUUID().slice(0, 5).toUpperCase()}`,
        settlement: SITE_A as SettlementCode,
        source: 'portal',
        channel: 'PORTAL',
        organisationId: m.organisationId,
        subjectKind: 'child',
        categories,
        observedSince: today(),
        urgency: 'normal',
        personal: { subject, observed: 'Hetek óta éhesen érkezik.' },
      };
      const events = createSignalDecider().decide({ type: 'SubmitSignal', data, meta, member }, { status: 'none' });
      return {
        signalId,
        events: events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: e.schemaVersion, data: e.data, personal: e.personal, metadata: metadataOf(meta, data.settlement) }) as NewEvent),
      };
    };
    const first = submitted(['NEGLECT']);
    const second = submitted(['NEGLECT', 'SCHOOL_ABSENCE']);
    const appended = await h.store.appendMany([first, second].map((s) => ({ streamId: signalStreamId(s.signalId), expectedVersion: 'no_stream' as const, events: s.events })));

    const head = appended.map((a) => a.checkpoint).reduce((a, b) => (compareCheckpoints(a, b) >= 0 ? a : b));
    await h.platform.app.get<ProjectionRunner>(SIGNAL_QUEUE_RUNNER).waitForCheckpoint(head);
    const pool = h.platform.app.get<Pool>(PG_POOL);
    const queued = await pool.query<{ signal_id: string; categories: string[]; status: string }>(
      'SELECT signal_id, categories, status FROM signals.signals WHERE signal_id = ANY($1) ORDER BY categories',
      [[first.signalId, second.signalId]],
    );
    expect(queued.rows).toEqual([
      { signal_id: first.signalId, categories: ['NEGLECT'], status: 'received' },
      { signal_id: second.signalId, categories: ['NEGLECT', 'SCHOOL_ABSENCE'], status: 'received' },
    ]);

    // `after` waits for the match projection to pass the append.
    const alerts = await api<Record<string, unknown>[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?after=${head}`);
    expect(alerts.status).toBe(200);
    const mine = alerts.body.filter((a) => [first.signalId, second.signalId].includes(String(a['signalId'])));
    expect(mine.map((a) => [a['signalId'], a['kind'], a['matchedSignalId']]).sort()).toEqual(
      [
        [first.signalId, 'identity_signal', second.signalId],
        [second.signalId, 'identity_signal', first.signalId],
      ].sort(),
    );
  });
});
