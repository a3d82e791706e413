import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, startSignalsHarness, today } from './test/signals-harness.js';

/** Gomba (Monori járás), used by this suite only, so that parallel suites do not move its counts. */
const SITE_C = '09441';

type Stats = {
  total: number;
  critical: number;
  bySubjectKind: { key: string; signals: number }[];
  byMemberCategory: { key: string; subjectKind: string; signals: number }[];
  byCategory: { key: string; subjectKind: string; signals: number }[];
  byChannel: { key: string; signals: number }[];
  handling: { closed: number; open: number; medianDaysToClose?: number };
};

const count = (rows: { key: string; subjectKind?: string; signals: number }[], k: string, kind?: string): number =>
  rows.filter((r) => r.key === k && (kind === undefined || r.subjectKind === kind)).reduce((n, r) => n + r.signals, 0);

describe('signal statistics through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let head: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    head = await h.token('head');
  });
  afterAll(() => h.close());

  const stats = async (after: string): Promise<Stats> => {
    const res = await api<Stats>(h, head, 'GET', `/districts/${DISTRICT}/signal-statistics?from=${today()}&to=${today()}&settlement=${SITE_C}&after=${after}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('counts per member category, child/adult, endangerment category and channel, with handling time', async () => {
    const m = await registerMember(h, head, 'GP');
    const before = await stats(m.checkpoint);
    const portal = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, signalForm({ settlement: SITE_C, categories: ['NEGLECT', 'HEALTH'] }), key());
    expect(portal.status).toBe(201);
    const phone = await api(h, head, 'POST', `/districts/${DISTRICT}/settlements/${SITE_C}/signals`, signalForm({ channel: 'PHONE', subjectKind: 'adult', urgency: 'immediate', categories: ['DOMESTIC_VIOLENCE'] }), key());
    const closed = await api(h, head, 'POST', `/districts/${DISTRICT}/settlements/${SITE_C}/signals/${String(phone.body['signalId'])}/measures`, { kind: 'CLOSED_UNFOUNDED', date: today() }, { 'if-match': '"0"' });
    expect(closed.status).toBe(200);
    const after = await stats(String(closed.body['checkpoint']));

    expect(after.total - before.total).toBe(2);
    expect(after.critical - before.critical).toBe(1);
    expect(count(after.bySubjectKind, 'child') - count(before.bySubjectKind, 'child')).toBe(1);
    expect(count(after.bySubjectKind, 'adult') - count(before.bySubjectKind, 'adult')).toBe(1);
    expect(count(after.byMemberCategory, 'GP', 'child') - count(before.byMemberCategory, 'GP', 'child')).toBe(1);
    expect(count(after.byMemberCategory, 'NONE', 'adult') - count(before.byMemberCategory, 'NONE', 'adult')).toBe(1);
    expect(count(after.byCategory, 'HEALTH', 'child') - count(before.byCategory, 'HEALTH', 'child')).toBe(1);
    expect(count(after.byCategory, 'DOMESTIC_VIOLENCE', 'adult') - count(before.byCategory, 'DOMESTIC_VIOLENCE', 'adult')).toBe(1);
    expect(count(after.byChannel, 'PHONE') - count(before.byChannel, 'PHONE')).toBe(1);
    expect(count(after.byChannel, 'PORTAL') - count(before.byChannel, 'PORTAL')).toBe(1);
    expect(after.handling.closed - before.handling.closed).toBe(1);
    expect(after.handling.medianDaysToClose).toBe(0);
  });

  it('refuses a period that ends before it starts, and a member', async () => {
    const bad = await api(h, head, 'GET', `/districts/${DISTRICT}/signal-statistics?from=2025-02-01&to=2025-01-01`);
    expect(bad).toMatchObject({ status: 400, body: { code: 'SIGNALS_INVALID_FIELD', details: [{ field: 'to' }] } });
    const m = await registerMember(h, head);
    expect((await api(h, m.member, 'GET', `/districts/${DISTRICT}/signal-statistics?from=2025-01-01&to=2025-01-01`)).status).toBe(403);
  });
});
