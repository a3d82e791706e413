import { randomUUID } from 'node:crypto';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, SITE_B, startSignalsHarness, today } from './test/signals-harness.js';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('match alerts through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(() => h.close());

  async function submit(site: string, category: string): Promise<{ signalId: string; organisationId: string; member: string }> {
    const m = await registerMember(h, admin, category);
    const res = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, signalForm({ settlement: site }), key());
    expect(res.status).toBe(201);
    return { ...m, signalId: String(res.body['signalId']) };
  }

  /** Assign then link: versions 1 and 2 of the signal stream; returns the link's checkpoint. */
  async function handle(site: string, signalId: string, workerId: string, clientId: string): Promise<string> {
    const path = `/districts/${DISTRICT}/settlements/${site}/signals/${signalId}`;
    expect((await api(h, admin, 'POST', `${path}/assignment`, { workerId }, ifMatch(0))).status).toBe(200);
    const linked = await api(h, admin, 'POST', `${path}/client-link`, { clientId }, ifMatch(1));
    expect(linked.status).toBe(200);
    return String(linked.body['checkpoint']);
  }

  it('alerts both handlers and the case-responsible worker when a second member signals a client with an open case', async () => {
    // Fresh worker ids: alerts of earlier runs stay in the read model.
    const [handlerA, handlerB, caseWorker] = ['handler-a', 'handler-b', 'case-worker'].map((w) => `${w}-${randomUUID().slice(0, 8)}`);
    const details = { name: 'Egyező Bence', mothersName: 'Minta Ilona', birthPlace: 'Monor', birthDate: '2014-02-03', sex: '1', citizenship: 'HU', residenceSettlement: SITE_A, residenceAddress: 'Fő utca 3.' };
    const registered = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/clients`, { details, acknowledgeDuplicates: true }, key());
    const clientId = String(registered.body['clientId']);
    const school = await submit(SITE_A, 'SCHOOL');
    const nurse = await submit(SITE_B, 'HEALTH_VISITOR');
    const first = await handle(SITE_A, school.signalId, handlerA, clientId);
    const none = await api<unknown[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?workerId=${handlerA}&after=${first}`);
    expect(none).toMatchObject({ status: 200, body: [] });

    const opened = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/cases`, { clientId, responsibleWorkerId: caseWorker, openedOn: today() }, key());
    expect(opened.status).toBe(201);
    const after = await handle(SITE_B, nurse.signalId, handlerB, clientId);

    const forB = await api<Record<string, unknown>[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?workerId=${handlerB}&after=${after}`);
    expect(forB.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ signalId: nurse.signalId, kind: 'signalled_before', matchedSignalId: school.signalId, settlement: SITE_B }),
        expect.objectContaining({ signalId: nurse.signalId, kind: 'open_case', matchedCaseId: opened.body['caseId'] }),
      ]),
    );
    const forA = await api<Record<string, unknown>[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?workerId=${handlerA}&after=${after}`);
    expect(forA.body).toEqual([expect.objectContaining({ signalId: school.signalId, matchedSignalId: nurse.signalId, settlement: SITE_A })]);
    const forCase = await api<Record<string, unknown>[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?workerId=${caseWorker}&after=${after}`);
    expect(forCase.body).toEqual([expect.objectContaining({ signalId: nurse.signalId, kind: 'open_case', settlement: SITE_A })]);

    // A settlement worker of A sees the alerts shown in A only; neither signaller learns of the other.
    const workerA = await h.token('settlement_worker', { settlements: [SITE_A] });
    const inA = await api<Record<string, unknown>[]>(h, workerA, 'GET', `/districts/${DISTRICT}/signal-alerts?after=${after}`);
    expect(inA.body.length).toBeGreaterThanOrEqual(2);
    expect(inA.body.every((a) => a['settlement'] === SITE_A)).toBe(true);
    const seen = await api(h, school.member, 'GET', `/districts/${DISTRICT}/organisations/${school.organisationId}/signals?after=${after}`);
    expect(JSON.stringify(seen.body)).not.toContain(nurse.signalId);
    expect((await api(h, school.member, 'GET', `/districts/${DISTRICT}/signal-alerts`)).status).toBe(403);
  });
});
