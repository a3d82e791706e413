import { randomUUID } from 'node:crypto';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, SITE_B, startSignalsHarness, today } from './test/signals-harness.js';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const staffPath = (site: string, signalId: string) => `/districts/${DISTRICT}/settlements/${site}/signals/${signalId}`;

describe('triage and feedback through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(() => h.close());

  async function submitted(): Promise<{ organisationId: string; member: string; signalId: string; reference: string; checkpoint: string }> {
    const m = await registerMember(h, admin);
    const res = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, signalForm(), key());
    expect(res.status).toBe(201);
    return { ...m, signalId: String(res.body['signalId']), reference: String(res.body['reference']), checkpoint: String(res.body['checkpoint']) };
  }

  async function feedback(s: { organisationId: string; member: string; signalId: string }, after: string): Promise<Record<string, unknown>> {
    const res = await api(h, s.member, 'GET', `/districts/${DISTRICT}/organisations/${s.organisationId}/signals/${s.signalId}?after=${after}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('assigns, links to a registered client, records dated measures, and the member sees only the status move', async () => {
    const s = await submitted();
    const path = staffPath(SITE_A, s.signalId);
    const details = { name: 'Minta Pistike', mothersName: 'Minta Ilona', birthPlace: 'Monor', birthDate: '2015-04-01', sex: '1', citizenship: 'HU', residenceSettlement: SITE_A, residenceAddress: 'Fő utca 2.' };
    const client = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/clients`, { details, acknowledgeDuplicates: true }, key());
    expect(client.status).toBe(201);

    expect(await feedback(s, s.checkpoint)).toMatchObject({ reference: s.reference, status: 'received', subjectKind: 'child' });
    const assigned = await api(h, admin, 'POST', `${path}/assignment`, { workerId: 'worker-1' }, ifMatch(0));
    expect(assigned).toMatchObject({ status: 200, etag: '"1"' });
    expect(await feedback(s, String(assigned.body['checkpoint']))).toMatchObject({ status: 'being_handled' });
    const linked = await api(h, admin, 'POST', `${path}/client-link`, { clientId: client.body['clientId'] }, ifMatch(1));
    expect(linked).toMatchObject({ status: 200, etag: '"2"' });
    const visit = await api(h, admin, 'POST', `${path}/measures`, { kind: 'FAMILY_VISIT', date: today(), note: 'A lakás rendezetlen, az anya együttműködő.' }, ifMatch(2));
    expect(visit.status).toBe(200);
    const taken = await feedback(s, String(visit.body['checkpoint']));
    expect(taken).toMatchObject({ status: 'measures_taken' });
    const closed = await api(h, admin, 'POST', `${path}/measures`, { kind: 'CLOSED_HANDLED', date: today() }, ifMatch(3));
    const final = await feedback(s, String(closed.body['checkpoint']));
    expect(final).toMatchObject({ status: 'closed' });
    // The law lets the signaller know the status, never the family's details or the handler's notes.
    for (const secret of ['Minta', 'lakás', 'worker-1', String(client.body['clientId']), 'FAMILY_VISIT']) expect(JSON.stringify(final)).not.toContain(secret);

    const again = await api(h, admin, 'POST', `${path}/measures`, { kind: 'FIRST_CONTACT', date: today() }, ifMatch(4));
    expect(again).toMatchObject({ status: 409, body: { code: SIGNALS_ERRORS.SIGNAL_CLOSED } });
    const queue = await api<{ items: Record<string, unknown>[] }>(h, admin, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${s.reference}&after=${String(closed.body['checkpoint'])}`);
    expect(queue.body.items.find((i) => i['signalId'] === s.signalId)).toMatchObject({ status: 'closed', assignedTo: 'worker-1', clientId: client.body['clientId'], firstMeasureOn: today() });
  });

  it('refuses an unknown client, a stale version and a missing If-Match, storing nothing', async () => {
    const s = await submitted();
    const path = staffPath(SITE_A, s.signalId);
    expect(await api(h, admin, 'POST', `${path}/client-link`, { clientId: randomUUID() }, ifMatch(0))).toMatchObject({ status: 422, body: { code: SIGNALS_ERRORS.CLIENT_NOT_REGISTERED } });
    expect((await api(h, admin, 'POST', `${path}/registration-request`, undefined, ifMatch(0))).status).toBe(200);
    expect(await api(h, admin, 'POST', `${path}/assignment`, { workerId: 'w' }, ifMatch(0))).toMatchObject({ status: 412 });
    expect((await api(h, admin, 'POST', `${path}/assignment`, { workerId: 'w' })).status).toBe(428);
    expect(await api(h, admin, 'POST', `${path}/measures`, { kind: 'DANCE', date: today() }, ifMatch(1))).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.UNKNOWN_CODE } });
    expect(await h.store.streamVersion(`signal-${s.signalId}`)).toBe(1n);
  });

  it('keeps a settlement worker to its settlement’s signals, and another settlement’s path says not found', async () => {
    const s = await submitted();
    const workerB = await h.token('settlement_worker', { settlements: [SITE_B] });
    expect((await api(h, workerB, 'POST', `${staffPath(SITE_A, s.signalId)}/assignment`, { workerId: 'w' }, ifMatch(0))).status).toBe(403);
    expect(await api(h, workerB, 'POST', `${staffPath(SITE_B, s.signalId)}/assignment`, { workerId: 'w' }, ifMatch(0))).toMatchObject({
      status: 404,
      body: { code: SIGNALS_ERRORS.SIGNAL_NOT_FOUND },
    });
    const queueB = await api<{ items: { signalId: string }[] }>(h, workerB, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${s.reference}&after=${s.checkpoint}`);
    expect(queueB.body.items.map((i) => i.signalId)).not.toContain(s.signalId);
    expect((await api(h, workerB, 'GET', `/districts/${DISTRICT}/signal-queue?settlement=${SITE_A}`)).status).toBe(403);
    expect((await api(h, s.member, 'GET', `/districts/${DISTRICT}/signal-queue`)).status).toBe(403);
  });

  it('records a phone signal with its channel and escalates it to the head once overdue', async () => {
    const form = signalForm({ channel: 'PHONE', subjectKind: 'adult', urgency: 'immediate', categories: ['DOMESTIC_VIOLENCE'] });
    const recorded = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_B}/signals`, form, key());
    expect(recorded).toMatchObject({ status: 201, body: { critical: true, onCallNumber: '112' } });
    const noChannel = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_B}/signals`, { ...form, channel: 'PORTAL', signalId: randomUUID() }, key());
    expect(noChannel).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.MISSING_FIELD, details: [{ field: 'channel' }] } });
    const head = await h.token('head');
    const after = String(recorded.body['checkpoint']);
    const now = await api<{ items: Record<string, unknown>[] }>(h, head, 'GET', `/districts/${DISTRICT}/signal-queue?settlement=${SITE_B}&reference=${String(recorded.body['reference'])}&after=${after}`);
    const item = now.body.items.find((i) => i['signalId'] === recorded.body['signalId']);
    expect(item).toMatchObject({ channel: 'PHONE', subjectKind: 'adult', critical: true, dueOn: today(), overdue: false, escalated: false });
    const whole = await api<{ items: Record<string, unknown>[] }>(h, head, 'GET', `/districts/${DISTRICT}/signal-queue?settlement=${SITE_B}`);
    expect(whole.body.items[0]?.['critical']).toBe(true);
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const later = await api<{ items: Record<string, unknown>[] }>(h, head, 'GET', `/districts/${DISTRICT}/signal-queue?settlement=${SITE_B}&reference=${String(recorded.body['reference'])}&today=${tomorrow}`);
    expect(later.body.items.find((i) => i['signalId'] === recorded.body['signalId'])).toMatchObject({ overdue: true, escalated: true });
  });
});
