import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { SIGNALS_ERRORS, SIGNALS_MESSAGES_HU } from '@kapocs/signals/contracts';
import { EVENT_STORE_SCHEMA } from '@kapocs/platform/runtime';
import { PG_POOL } from '@kapocs/shared/kernel';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, startSignalsHarness } from './test/signals-harness.js';

const portal = (organisationId: string) => `/districts/${DISTRICT}/organisations/${organisationId}/signals`;

describe('signal portal through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(() => h.close());

  it('registers a member organisation and lists it without its contact person', async () => {
    const { organisationId, checkpoint } = await registerMember(h, admin, 'HEALTH_VISITOR');
    const list = await api<Record<string, unknown>[]>(h, admin, 'GET', `/districts/${DISTRICT}/signal-members?after=${checkpoint}`);
    expect(list.status).toBe(200);
    const row = list.body.find((m) => m['organisationId'] === organisationId);
    expect(row).toMatchObject({ category: 'HEALTH_VISITOR', settlements: [SITE_A], portalUsers: 1 });
    expect(JSON.stringify(list.body)).not.toContain('Kovács Anna');
    const member = await h.token('signal_member', { organisation: organisationId });
    expect((await api(h, member, 'GET', `/districts/${DISTRICT}/signal-members`)).status).toBe(403);
  });

  it('gives a reference number at once and puts the signal in the settlement’s and the district’s queue', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await api(h, member, 'POST', portal(organisationId), signalForm(), key());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ critical: false, version: '0' });
    expect(res.body['onCallNumber']).toBeUndefined();
    expect(String(res.body['reference'])).toMatch(/^J-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const worker = await h.token('settlement_worker', { settlements: [SITE_A] });
    const after = String(res.body['checkpoint']);
    // Filtered by the fresh organisation: the read model keeps every earlier run's signals.
    for (const path of [`signal-queue?settlement=${SITE_A}&organisationId=${organisationId}&after=${after}`, `signal-queue?organisationId=${organisationId}&after=${after}`]) {
      const queue = await api<{ items: Record<string, unknown>[] }>(h, path.includes('settlement') ? worker : admin, 'GET', `/districts/${DISTRICT}/${path}`);
      expect(queue.status).toBe(200);
      expect(queue.body.items.find((i) => i['signalId'] === res.body['signalId'])).toMatchObject({
        reference: res.body['reference'],
        organisationId,
        memberCategory: 'SCHOOL',
        channel: 'PORTAL',
        subjectKind: 'child',
        categories: ['NEGLECT', 'SCHOOL_ABSENCE'],
        status: 'received',
        overdue: false,
      });
    }
  });

  it('stores what the signaller wrote encrypted under the signal’s own subject', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await api(h, member, 'POST', portal(organisationId), signalForm(), key());
    const signalId = String(res.body['signalId']);
    const pool = h.platform.app.get<Pool>(PG_POOL);
    const raw = await pool.query<{ data: unknown; personal: Record<string, unknown> }>(`SELECT data, personal FROM ${EVENT_STORE_SCHEMA}.events WHERE stream_id = $1`, [`signal-${signalId}`]);
    expect(Object.keys(raw.rows[0]?.personal ?? {})).toEqual([signalId]);
    for (const plain of ['Minta Pistike', 'éhesen', '+36 30 123 4567']) expect(JSON.stringify(raw.rows[0])).not.toContain(plain);
    for await (const e of h.store.readStream(`signal-${signalId}`)) {
      expect(e.personal[signalId]).toMatchObject({ subject: { name: expect.stringMatching(/^Minta Pistike /) }, signaller: { phone: '+36 30 123 4567' } });
    }
  });

  it('flags immediate danger as critical and answers with the on-call number', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const res = await api(h, member, 'POST', portal(organisationId), signalForm({ urgency: 'immediate' }), key());
    expect(res).toMatchObject({ status: 201, body: { critical: true, onCallNumber: '112' } });
  });

  it('never makes two signals of a double click or a retry, and refuses a replayed key with another body', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const form = signalForm();
    const headers = key();
    const [first, second] = await Promise.all([api(h, member, 'POST', portal(organisationId), form, headers), api(h, member, 'POST', portal(organisationId), form, key())]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body['reference']).toBe(first.body['reference']);
    const replay = await api(h, member, 'POST', portal(organisationId), form, headers);
    expect(replay).toMatchObject({ status: 201, body: { reference: first.body['reference'] } });
    const other = await api(h, member, 'POST', portal(organisationId), { ...form, urgency: 'immediate' }, headers);
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await h.store.streamVersion(`signal-${String(form['signalId'])}`)).toBe(0n);
  });

  it('refuses a missing or unknown category and a settlement of another district with a Hungarian message, storing nothing', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const { categories: _, ...withoutCategory } = signalForm();
    const missing = await api(h, member, 'POST', portal(organisationId), withoutCategory, key());
    expect(missing).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.MISSING_CATEGORY, message: SIGNALS_MESSAGES_HU.SIGNALS_MISSING_CATEGORY } });
    const unknown = signalForm({ categories: ['NEGLECT', 'WITCHCRAFT'] });
    const res = await api(h, member, 'POST', portal(organisationId), unknown, key());
    expect(res).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.UNKNOWN_CODE, message: SIGNALS_MESSAGES_HU.SIGNALS_UNKNOWN_CODE, details: [{ field: 'categories[1]' }] } });
    // Szécsény lies in another district: the signal cannot be routed there.
    const elsewhere = signalForm({ settlement: '06628' });
    expect(await api(h, member, 'POST', portal(organisationId), elsewhere, key())).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.UNKNOWN_SETTLEMENT } });
    expect(await h.store.streamVersion(`signal-${String(elsewhere['signalId'])}`)).toBe(-1n);
    expect(await h.store.streamVersion(`signal-${String(withoutCategory['signalId'])}`)).toBe(-1n);
    expect(await h.store.streamVersion(`signal-${String(unknown['signalId'])}`)).toBe(-1n);
  });

  it('lets only portal users of a registered member signal, and only as their own organisation', async () => {
    const a = await registerMember(h, admin);
    const b = await registerMember(h, admin);
    const stranger = await h.token('signal_member', { organisation: a.organisationId });
    expect(await api(h, stranger, 'POST', portal(a.organisationId), signalForm(), key())).toMatchObject({ status: 403, body: { code: SIGNALS_ERRORS.NOT_A_PORTAL_USER } });
    expect(await api(h, b.member, 'POST', portal(a.organisationId), signalForm(), key())).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    const ghost = await h.token('signal_member', { organisation: randomUUID() });
    expect(await api(h, ghost, 'POST', portal(randomUUID()), signalForm(), key())).toMatchObject({ status: 403 });
  });

  it('never shows one member another organisation’s signal, by id or by reference number', async () => {
    const a = await registerMember(h, admin);
    const b = await registerMember(h, admin);
    const sent = await api(h, a.member, 'POST', portal(a.organisationId), signalForm(), key());
    const after = String(sent.body['checkpoint']);
    const signalId = String(sent.body['signalId']);
    const reference = String(sent.body['reference']);
    expect((await api(h, a.member, 'GET', `${portal(a.organisationId)}/${signalId}?after=${after}`)).status).toBe(200);
    // Through the other organisation's path the guard refuses; through its own, the signal does not exist.
    expect(await api(h, b.member, 'GET', `${portal(a.organisationId)}/${signalId}`)).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    const byId = await api(h, b.member, 'GET', `${portal(b.organisationId)}/${signalId}?after=${after}`);
    expect(byId).toMatchObject({ status: 404, body: { code: SIGNALS_ERRORS.SIGNAL_NOT_FOUND } });
    const byReference = await api(h, b.member, 'GET', `${portal(b.organisationId)}/by-reference/${reference}?after=${after}`);
    const guessed = await api(h, b.member, 'GET', `${portal(b.organisationId)}/by-reference/J-00000-00001?after=${after}`);
    // Another's number and a guessed one answer alike, so numbers cannot be tested for existence.
    expect(byReference).toEqual({ ...guessed, body: { ...guessed.body } });
    expect(byReference.status).toBe(404);
    const list = await api<Record<string, unknown>[]>(h, b.member, 'GET', `${portal(b.organisationId)}?after=${after}`);
    expect(list).toMatchObject({ status: 200, body: [] });
  });

  it('hands out reference numbers that are neither sequential nor shared', async () => {
    const { organisationId, member } = await registerMember(h, admin);
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) refs.push(String((await api(h, member, 'POST', portal(organisationId), signalForm(), key())).body['reference']));
    expect(new Set(refs).size).toBe(5);
    const numeric = refs.map((r) => parseInt(r.replace(/\W/g, ''), 32));
    const steps = numeric.slice(1).map((n, i) => n - (numeric[i] as number));
    expect(steps.every((s) => Math.abs(s) === 1)).toBe(false);
  });
});
