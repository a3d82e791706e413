import { randomUUID } from 'node:crypto';
import { CASEWORK_ERRORS, CASEWORK_MESSAGES_HU } from '@kapocs/casework/contracts';
import { measureContactId } from '@kapocs/casework/application';
import { AuditLog } from '@kapocs/platform/auth';
import { api, type CaseworkHarness, DISTRICT, SITE_A, SITE_B, startCaseworkHarness, today } from './test/casework-harness.js';

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return text;
}

const key = () => ({ 'idempotency-key': randomUUID() });
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const cases = (site: string) => `/districts/${DISTRICT}/settlements/${site}/cases`;

describe('casework through the gateway, over NATS, on PostgreSQL', () => {
  let h: CaseworkHarness;
  let district: string;
  beforeAll(async () => {
    h = await startCaseworkHarness();
    district = await h.token('district_worker');
  });
  afterAll(() => h.close());

  /** A client registered through intake, as a worker would: the case only refers to it. */
  async function registerClient(site: string): Promise<{ clientId: string; name: string }> {
    const name = `Próba ${randomUUID().replace(/\d/g, '').slice(0, 6)} Éva`;
    const details = { name, mothersName: 'Minta Ilona', birthPlace: 'Biatorbágy', birthDate: '1988-05-17', sex: '2', citizenship: 'HU', residenceSettlement: site, residenceAddress: 'Fő utca 1.', education: '3' };
    const res = await api(h, district, 'POST', `/districts/${DISTRICT}/settlements/${site}/clients`, { details, acknowledgeDuplicates: true }, key());
    expect(res.status).toBe(201);
    return { clientId: String(res.body['clientId']), name };
  }

  async function firstEvent(streamId: string) {
    for await (const e of h.store.readStream(streamId)) return e;
    return undefined;
  }

  async function openCase(site: string, token = district, worker = 'worker-1'): Promise<{ caseId: string; clientId: string; name: string }> {
    const client = await registerClient(site);
    const res = await api(h, token, 'POST', cases(site), { clientId: client.clientId, responsibleWorkerId: worker, openedOn: today() }, key());
    expect(res).toMatchObject({ status: 201, etag: '"0"', body: { version: '0' } });
    return { ...client, caseId: String(res.body['caseId']) };
  }

  it('records problem, plan, agreement and two measures, closes the case, and refuses to close it twice', async () => {
    const { caseId, name } = await openCase(SITE_A);
    const path = `${cases(SITE_A)}/${caseId}`;
    const steps: [string, Record<string, unknown>][] = [
      ['problem-definitions', { definedOn: today(), problemTypes: ['5'], presented: 'Nincs pénzünk', workerDefinition: 'Eladósodás', agreed: 'Hátralék rendezése' }],
      ['goals', { term: 'short', deadline: today(), responsible: 'worker-1', goal: 'Részletfizetés', means: 'Egyeztetés a szolgáltatóval' }],
      ['agreements', { signedOn: today(), expectedCompletion: today(), signature: 'tablet', workerUndertakings: 'Kapcsolatfelvétel', clientUndertakings: 'Iratok behozása' }],
      ['measures', { date: today(), kind: 'UI', description: 'Levél a szolgáltatónak' }],
      ['measures', { date: today(), kind: 'CSL', description: 'Családlátogatás', nextMeetingOn: today() }],
      ['closure', { closedOn: today(), reason: 'A megállapodás teljesült.' }],
    ];
    for (const [i, [step, body]] of steps.entries()) {
      const res = await api(h, district, 'POST', `${path}/${step}`, body, ifMatch(i));
      expect({ step, status: res.status, etag: res.etag }).toEqual({ step, status: 200, etag: `"${i + 1}"` });
    }
    const again = await api(h, district, 'POST', `${path}/closure`, { closedOn: today(), reason: 'x' }, ifMatch(6));
    expect(again).toMatchObject({ status: 409, body: { code: CASEWORK_ERRORS.CASE_NOT_OPEN, message: CASEWORK_MESSAGES_HU.CASEWORK_CASE_NOT_OPEN } });

    const log = await api(h, district, 'GET', path);
    expect(log.status).toBe(200);
    expect(log.body).toMatchObject({ status: 'closed', version: '6', cover: { name, birthYear: 1988, education: '3', careStartedOn: today(), careEndedOn: today(), responsibleWorkerId: 'worker-1' } });
    expect((log.body['entries'] as { type: string }[]).map((e) => e.type)).toEqual([
      'casework.CaseOpened',
      'casework.ProblemDefined',
      'casework.GoalSet',
      'casework.AgreementSigned',
      'casework.MeasureRecorded',
      'casework.MeasureRecorded',
      'casework.CaseClosed',
    ]);
    const pdf = await api(h, district, 'GET', `${path}/export`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.raw ?? Buffer.alloc(0));
    for (const expected of ['ESETNAPLÓ', 'Fedőlap', name, '1988', 'Hátralék rendezése', 'Családlátogatás', 'A megállapodás teljesült.']) {
      expect(text).toContain(expected);
    }
  });

  it('logs the measure’s forgalmi napló entry in the same request, never twice, and names the worker on the esetnapló', async () => {
    const sub = `worker-${randomUUID().slice(0, 8)}`;
    const named = await h.token('settlement_worker', [SITE_A], sub, 'Minta Teréz');
    const { caseId, clientId } = await openCase(SITE_A, named, sub);
    const path = `${cases(SITE_A)}/${caseId}`;
    const measureId = randomUUID();
    const contactId = measureContactId(measureId);
    const body = { measureId, date: today(), kind: 'CSL', description: 'Családlátogatás', logContact: { mode: 'IN_PERSON', problemTypes: ['5'] } };
    const first = await api(h, named, 'POST', `${path}/measures`, body, { ...ifMatch(0), ...key() });
    expect(first).toMatchObject({ status: 200, etag: '"1"' });
    const napló = await firstEvent(`contact-${contactId}`);
    expect(napló).toMatchObject({ type: 'intake.ContactLogged', data: { contactId, site: SITE_A, dutyWorkerId: sub, caseWorkerId: sub, problemTypes: ['5'], caseHandling: ['CSL'] } });
    expect((napló?.data as { subject: { clientId: string } }).subject.clientId).toBe(clientId);

    // The same measure again (a retry with another key): refused by the case, and the napló entry stays single.
    const again = await api(h, named, 'POST', `${path}/measures`, body, { ...ifMatch(1), ...key() });
    expect(again).toMatchObject({ status: 409, body: { code: CASEWORK_ERRORS.ENTRY_ALREADY_RECORDED } });
    expect(await h.store.streamVersion(`contact-${contactId}`)).toBe(0n);

    // A contact logged by an earlier attempt whose measure was not stored: the retry completes the measure only.
    const retried = randomUUID();
    const earlier = { contactId: measureContactId(retried), date: today(), dutyWorkerId: sub, subject: { kind: 'client', clientId }, mode: 'IN_PERSON', problemTypes: ['5'], caseHandling: ['CSL'] };
    expect((await api(h, named, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/contacts`, earlier, key())).status).toBe(201);
    const completed = await api(h, named, 'POST', `${path}/measures`, { ...body, measureId: retried }, { ...ifMatch(1), ...key() });
    expect(completed).toMatchObject({ status: 200, etag: '"2"' });
    expect(await h.store.streamVersion(`contact-${measureContactId(retried)}`)).toBe(0n);

    // Bad napló codes: intake's Hungarian message, and neither the contact nor the measure is stored.
    const bad = await api(h, named, 'POST', `${path}/measures`, { ...body, measureId: randomUUID(), logContact: { mode: 'IN_PERSON', problemTypes: ['99'] } }, { ...ifMatch(2), ...key() });
    expect(bad.status).toBe(400);
    expect(String(bad.body['code'])).toMatch(/^INTAKE_/);
    expect(await h.store.streamVersion(`case-${caseId}`)).toBe(2n);

    const log = await api(h, named, 'GET', path);
    expect(log.body).toMatchObject({ cover: { responsibleWorkerId: sub, responsibleWorkerName: 'Minta Teréz' } });
    const text = await pdfText((await api(h, named, 'GET', `${path}/export`)).raw ?? Buffer.alloc(0));
    expect(text).toContain(`Minta Teréz (${sub})`);
  });

  it('drops an erased client’s id from the caseload', async () => {
    const sub = `worker-${randomUUID().slice(0, 8)}`;
    const worker = await h.token('settlement_worker', [SITE_A], sub);
    const { caseId, clientId } = await openCase(SITE_A, district, sub);
    const head = await h.token('head');
    const erased = await api(h, head, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/clients/${clientId}/erasure`, {}, key());
    expect(erased.status).toBe(200);
    const checkpoint = String(erased.body['checkpoint']);
    const caseload = await api<{ openCases: { caseId: string; clientId?: string }[] }>(h, worker, 'GET', `/districts/${DISTRICT}/caseload?after=${checkpoint}`);
    expect(caseload.status).toBe(200);
    const row = caseload.body.openCases.find((c) => c.caseId === caseId);
    expect(row).toBeDefined();
    expect(row?.clientId).toBeUndefined();
  });

  it('reads an esetnapló above the NATS payload limit whole, in parts under the limit', async () => {
    const { caseId } = await openCase(SITE_A);
    const path = `${cases(SITE_A)}/${caseId}`;
    const MEASURES = 260;
    // ~4.3 KB an entry: ~1.1 MB of entries, above NATS's 1 MB max_payload in one reply.
    const text = (i: number): string => `eleje-${i} ${'Hosszú intézkedés ő/ű betűkkel, egyeztetés a családdal. '.repeat(80).slice(0, 3900)} vége-${i}`;
    for (let i = 0; i < MEASURES; i++) {
      const res = await api(h, district, 'POST', `${path}/measures`, { date: today(), kind: 'CSL', description: text(i) }, ifMatch(i));
      expect(res.status).toBe(200);
    }
    const read = await api(h, district, 'GET', path);
    expect(read.status).toBe(200);
    const entries = read.body['entries'] as { texts?: Record<string, unknown> }[];
    expect(read.body['nextEntry']).toBeUndefined();
    const ends = entries.flatMap((e) => /vége-(\d+)/.exec(JSON.stringify(e.texts ?? {}))?.[1] ?? []);
    expect(ends).toEqual(Array.from({ length: MEASURES }, (_, i) => String(i)));
    expect(Buffer.byteLength(JSON.stringify(entries))).toBeGreaterThan(1024 * 1024);
  });

  it('answers a stale If-Match with 412 and stores nothing', async () => {
    const { caseId } = await openCase(SITE_A);
    const path = `${cases(SITE_A)}/${caseId}`;
    const measure = { date: today(), description: 'Telefon' };
    expect((await api(h, district, 'POST', `${path}/measures`, measure, ifMatch(0))).status).toBe(200);
    const stale = await api(h, district, 'POST', `${path}/measures`, measure, ifMatch(0));
    expect(stale).toMatchObject({ status: 412, body: { code: 'WRONG_EXPECTED_VERSION' } });
    expect(await h.store.streamVersion(`case-${caseId}`)).toBe(1n);
    const missing = await api(h, district, 'POST', `${path}/measures`, measure);
    expect(missing.status).toBe(428);
  });

  it('refuses bad input with a Hungarian message and a stable code, storing nothing', async () => {
    const { caseId } = await openCase(SITE_A);
    const body = { definedOn: today(), problemTypes: ['99'], presented: 'a', workerDefinition: 'b', agreed: 'c' };
    const res = await api(h, district, 'POST', `${cases(SITE_A)}/${caseId}/problem-definitions`, body, ifMatch(0));
    expect(res).toMatchObject({ status: 400, body: { code: CASEWORK_ERRORS.UNKNOWN_CODE, message: CASEWORK_MESSAGES_HU.CASEWORK_UNKNOWN_CODE, details: [{ field: 'problemTypes[0]' }] } });
    const evaluation = await api(h, district, 'POST', `${cases(SITE_A)}/${caseId}/goals/${randomUUID()}/evaluations`, { evaluatedOn: today(), achieved: true, why: 'x' }, ifMatch(0));
    expect(evaluation).toMatchObject({ status: 404, body: { code: CASEWORK_ERRORS.GOAL_NOT_FOUND } });
    expect(await h.store.streamVersion(`case-${caseId}`)).toBe(0n);
  });

  it('lets a settlement-A worker read the cases of A only, the district worker both, and audits every read', async () => {
    const a = await openCase(SITE_A);
    const b = await openCase(SITE_B);
    const workerA = await h.token('settlement_worker', [SITE_A]);
    expect((await api(h, workerA, 'GET', `${cases(SITE_A)}/${a.caseId}`)).status).toBe(200);
    expect(await api(h, workerA, 'GET', `${cases(SITE_B)}/${b.caseId}`)).toMatchObject({ status: 403 });
    // Through its own settlement's path the other case does not exist.
    expect(await api(h, workerA, 'GET', `${cases(SITE_A)}/${b.caseId}`)).toMatchObject({ status: 404, body: { code: CASEWORK_ERRORS.CASE_NOT_FOUND } });
    expect((await api(h, district, 'GET', `${cases(SITE_B)}/${b.caseId}`)).status).toBe(200);
    // Nor can it pull a client of B into a case of A, which would show B's identity on A's cover page.
    const pulled = await api(h, workerA, 'POST', cases(SITE_A), { clientId: b.clientId, responsibleWorkerId: 'w', openedOn: today() }, key());
    expect(pulled).toMatchObject({ status: 422, body: { code: CASEWORK_ERRORS.CLIENT_NOT_REGISTERED } });

    const audit = h.platform.app.get(AuditLog, { strict: false });
    const caseReads = await audit.listBySubject(a.caseId);
    expect(caseReads).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'read', purpose: 'case-log' })]));
    const clientReads = await audit.listBySubject(b.clientId);
    expect(clientReads.filter((r) => r.purpose === 'case-log')).toHaveLength(1);
  });

  it('shows the case in the responsible worker’s caseload and in the head’s overview', async () => {
    const sub = `worker-${randomUUID().slice(0, 8)}`;
    const worker = await h.token('settlement_worker', [SITE_A], sub);
    const { caseId } = await openCase(SITE_A, district, sub);
    const goal = { term: 'short', deadline: today(), responsible: sub, goal: 'x', means: 'y' };
    const set = await api(h, worker, 'POST', `${cases(SITE_A)}/${caseId}/goals`, goal, ifMatch(0));
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const caseload = await api(h, worker, 'GET', `/districts/${DISTRICT}/caseload?today=${tomorrow}&after=${String(set.body['checkpoint'])}`);
    expect(caseload.status).toBe(200);
    expect(caseload.body).toMatchObject({ workerId: sub, openCases: [{ caseId, site: SITE_A }], overdue: [{ caseId, kind: 'goal', escalated: false }] });
    expect((await api(h, worker, 'GET', `/districts/${DISTRICT}/caseload?workerId=someone-else`)).status).toBe(403);
    const head = await h.token('head');
    const overview = await api(h, head, 'GET', `/districts/${DISTRICT}/case-overview?settlement=${SITE_A}&after=${String(set.body['checkpoint'])}`);
    expect(overview.status).toBe(200);
    expect((overview.body['total'] as { openCases: number }).openCases).toBeGreaterThanOrEqual(1);
  });
});
