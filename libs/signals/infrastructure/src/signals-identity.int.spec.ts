import { randomInt, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PG_POOL } from '@kapocs/shared/kernel';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, SITE_B, startSignalsHarness, today } from './test/signals-harness.js';

/** A valid TAJ: 8 random digits and the check digit (weights 3, 7). */
function randomTaj(): string {
  const digits = Array.from({ length: 8 }, () => randomInt(10));
  const check = digits.reduce((sum, d, i) => sum + d * (i % 2 === 0 ? 3 : 7), 0) % 10;
  return [...digits, check].join('');
}

type Alert = Record<string, unknown>;

describe('identity match alerts before linking, through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(() => h.close());

  async function submit(site: string, category: string, subject: Record<string, unknown>): Promise<{ signalId: string; checkpoint: string; member: string; organisationId: string }> {
    const m = await registerMember(h, admin, category);
    const res = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, signalForm({ settlement: site, subject }), key());
    expect(res.status).toBe(201);
    return { ...m, signalId: String(res.body['signalId']), checkpoint: String(res.body['checkpoint']) };
  }

  const alertsOf = async (signalId: string, after: string, query = ''): Promise<Alert[]> => {
    const res = await api<Alert[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-alerts?after=${after}${query}`);
    expect(res.status).toBe(200);
    return res.body.filter((a) => a['signalId'] === signalId || a['matchedSignalId'] === signalId);
  };

  it('alerts at once, across settlements, when a new signal’s subject matches a registered client or another unlinked signal', async () => {
    // A birth date of its own per run: the register keeps every earlier run's clients.
    const birthDate = `2012-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
    const surname = `Kovács${randomUUID().slice(0, 4).replace(/\d/g, 'x')}`;
    const taj = randomTaj();
    const details = { name: `${surname} Éva Lili`, mothersName: 'Minta Ilona', birthPlace: 'Monor', birthDate, taj, sex: '2', citizenship: 'HU', residenceSettlement: SITE_A, residenceAddress: 'Fő utca 9.' };
    const registered = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/clients`, { details, acknowledgeDuplicates: true }, key());
    expect(registered.status).toBe(201);
    const clientId = String(registered.body['clientId']);
    const caseWorker = `case-worker-${randomUUID().slice(0, 8)}`;
    const opened = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/cases`, { clientId, responsibleWorkerId: caseWorker, openedOn: today() }, key());
    expect(opened.status).toBe(201);

    // Written without accents, in capitals, with other spacing: the same person.
    const school = await submit(SITE_A, 'SCHOOL', { name: `${surname.toUpperCase().replace('Á', 'A')}  eva lili`, birthDate });
    expect(await alertsOf(school.signalId, school.checkpoint)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ signalId: school.signalId, kind: 'identity_client', clientId, settlement: SITE_A }),
        expect.objectContaining({ signalId: school.signalId, kind: 'open_case', matchedCaseId: opened.body['caseId'], notifyWorkerId: caseWorker }),
      ]),
    );

    // Another member in another settlement, by TAJ alone (spaced as people write it).
    const nurse = await submit(SITE_B, 'HEALTH_VISITOR', { taj: `${taj.slice(0, 3)} ${taj.slice(3, 6)} ${taj.slice(6)}` });
    expect(await alertsOf(nurse.signalId, nurse.checkpoint)).toEqual(
      expect.arrayContaining([expect.objectContaining({ signalId: nurse.signalId, kind: 'identity_client', clientId, settlement: SITE_B })]),
    );

    // A third by name and birth date: it meets the school's unlinked signal too, and both sides are alerted.
    const gp = await submit(SITE_B, 'GP', { name: `${surname}-Éva Lili`, birthDate });
    const third = await alertsOf(gp.signalId, gp.checkpoint);
    expect(third).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ signalId: gp.signalId, kind: 'identity_signal', matchedSignalId: school.signalId, settlement: SITE_B }),
        expect.objectContaining({ signalId: school.signalId, kind: 'identity_signal', matchedSignalId: gp.signalId, settlement: SITE_A }),
      ]),
    );
    expect(third.find((a) => a['kind'] === 'identity_signal')).not.toHaveProperty('clientId');

    // A settlement worker of B sees only B's side.
    const workerB = await h.token('settlement_worker', { settlements: [SITE_B] });
    const inB = await api<Alert[]>(h, workerB, 'GET', `/districts/${DISTRICT}/signal-alerts?after=${gp.checkpoint}`);
    expect(inB.body.every((a) => a['settlement'] === SITE_B)).toBe(true);
    expect(inB.body.some((a) => a['signalId'] === gp.signalId && a['matchedSignalId'] === school.signalId)).toBe(true);

    // Neither signaller learns of the match or of the other signal.
    const seen = await api(h, school.member, 'GET', `/districts/${DISTRICT}/organisations/${school.organisationId}/signals?after=${gp.checkpoint}`);
    expect(JSON.stringify(seen.body)).not.toContain(gp.signalId);
    expect(JSON.stringify(seen.body)).not.toContain(clientId);
    expect((await api(h, gp.member, 'GET', `/districts/${DISTRICT}/signal-alerts`)).status).toBe(403);

    // The index holds keyed hashes only.
    const pool = h.platform.app.get<Pool>(PG_POOL);
    const keys = await pool.query('SELECT * FROM signals.identity_keys WHERE ref_id = ANY($1::text[])', [[clientId, school.signalId, gp.signalId]]);
    expect(keys.rows.length).toBeGreaterThanOrEqual(3);
    const raw = JSON.stringify(keys.rows).toLowerCase();
    for (const plain of [surname.toLowerCase(), 'eva', taj, birthDate]) expect(raw).not.toContain(plain.toLowerCase());
  });

  it('raises nothing for a subject nobody else signalled, and stops matching a signal once it is linked', async () => {
    const unique = await submit(SITE_A, 'SCHOOL', { name: `Egyedi ${randomUUID()}`, birthDate: '2016-01-01' });
    expect(await alertsOf(unique.signalId, unique.checkpoint)).toEqual([]);
    const name = `Kapcsolt ${randomUUID().slice(0, 8)}`;
    const details = { name, mothersName: 'Minta Ilona', birthPlace: 'Monor', birthDate: '2016-02-02', sex: '1', citizenship: 'HU', residenceSettlement: SITE_A, residenceAddress: 'Fő utca 1.' };
    const client = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/clients`, { details, acknowledgeDuplicates: true }, key());
    const first = await submit(SITE_A, 'SCHOOL', { name: `${name}x`, birthDate: '2016-02-02' });
    const path = `/districts/${DISTRICT}/settlements/${SITE_A}/signals/${first.signalId}`;
    expect((await api(h, admin, 'POST', `${path}/client-link`, { clientId: client.body['clientId'] }, { 'if-match': '"0"' })).status).toBe(200);
    const second = await submit(SITE_A, 'KINDERGARTEN', { name: `${name}x`, birthDate: '2016-02-02' });
    expect((await alertsOf(second.signalId, second.checkpoint)).filter((a) => a['kind'] === 'identity_signal')).toEqual([]);
  });
});
