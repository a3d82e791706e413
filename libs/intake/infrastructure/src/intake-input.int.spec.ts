import { randomUUID } from 'node:crypto';
import type { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { INTAKE_ERRORS, INTAKE_MESSAGES_HU, INTAKE_SUBJECTS } from '@kapocs/intake/contracts';
import { type Actor, type DistrictCode, RPC_CLIENT, type RpcReply, type SettlementCode } from '@kapocs/shared/kernel';
import {
  api,
  clientDetails,
  contactBody,
  DISTRICT,
  type IntakeHarness,
  SITE_A,
  SITE_B,
  startIntakeHarness,
} from './test/intake-harness.js';

const clientsAt = (site: string) => `/districts/${DISTRICT}/settlements/${site}/clients`;
const contactsAt = (site: string) => `/districts/${DISTRICT}/settlements/${site}/contacts`;
const key = () => ({ 'idempotency-key': randomUUID() });

describe('intake: bad input is refused with a stable code and a Hungarian message, and nothing is stored', () => {
  let h: IntakeHarness;
  let worker: string;
  beforeAll(async () => {
    h = await startIntakeHarness();
    worker = await h.token('district_worker');
  });
  afterAll(() => h.close());

  const refused = async (details: Record<string, unknown>, status: number, code: string, message?: string) => {
    const clientId = randomUUID();
    const res = await api(h, worker, 'POST', clientsAt(SITE_A), { clientId, details }, key());
    expect(res.status).toBe(status);
    expect(res.body['code']).toBe(code);
    expect(res.body['message']).toEqual(message ?? expect.any(String));
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(-1n);
    return res;
  };

  it('an invalid TAJ (wrong check digit)', async () => {
    const res = await refused(clientDetails({ taj: '123456789' }), 400, INTAKE_ERRORS.INVALID_TAJ, INTAKE_MESSAGES_HU.INTAKE_INVALID_TAJ);
    expect(res.body['details']).toEqual([expect.objectContaining({ field: 'taj' })]);
  });

  it('a birth date in the future', () =>
    refused(clientDetails({ birthDate: '2999-01-01' }), 400, INTAKE_ERRORS.BIRTH_DATE_IN_FUTURE, INTAKE_MESSAGES_HU.INTAKE_BIRTH_DATE_IN_FUTURE));

  it('an unknown settlement', () =>
    refused(clientDetails({ residenceSettlement: '99999' }), 400, INTAKE_ERRORS.UNKNOWN_SETTLEMENT, INTAKE_MESSAGES_HU.INTAKE_UNKNOWN_SETTLEMENT));

  it('an unknown code', () =>
    refused(clientDetails({ citizenship: 'XX' }), 400, INTAKE_ERRORS.UNKNOWN_CODE, INTAKE_MESSAGES_HU.INTAKE_UNKNOWN_CODE));

  it('a missing required field, named in the details', async () => {
    const { mothersName: _, ...details } = clientDetails();
    const res = await refused(details, 400, 'VALIDATION_FAILED', 'A kérés adatai hibásak.');
    expect(res.body['details']).toEqual([expect.objectContaining({ field: 'details.mothersName' })]);
  });

  it('an unknown field', () => refused(clientDetails({ nickname: 'Évi' }), 400, 'UNKNOWN_FIELD', 'A kérés ismeretlen mezőt tartalmaz.'));

  it('an unknown code in a contact, and a contact for a client who does not exist', async () => {
    const contactId = randomUUID();
    const bad = await api(h, worker, 'POST', contactsAt(SITE_A), contactBody({ kind: 'anonymous' }, { contactId, mode: 'PIGEON' }), key());
    expect(bad).toMatchObject({ status: 400, body: { code: INTAKE_ERRORS.UNKNOWN_CODE, message: INTAKE_MESSAGES_HU.INTAKE_UNKNOWN_CODE } });
    const ghost = await api(h, worker, 'POST', contactsAt(SITE_A), contactBody({ kind: 'client', clientId: randomUUID() }, { contactId }), key());
    expect(ghost).toMatchObject({ status: 404, body: { code: INTAKE_ERRORS.CLIENT_NOT_FOUND } });
    expect(await h.store.streamVersion(`contact-${contactId}`)).toBe(-1n);
  });

  it('a stale If-Match version (412), leaving the version unchanged; none at all is 428', async () => {
    const clientId = String((await api(h, worker, 'POST', clientsAt(SITE_A), { details: clientDetails() }, key())).body['clientId']);
    const path = `${clientsAt(SITE_A)}/${clientId}`;
    const change = { reason: 'javítás', changes: { phone: '+36 30 123 4567' } };
    const stale = await api(h, worker, 'PATCH', path, change, { 'if-match': '"3"' });
    expect(stale).toMatchObject({ status: 412, body: { code: 'WRONG_EXPECTED_VERSION', message: expect.stringContaining('módosították') } });
    expect((await api(h, worker, 'PATCH', path, change)).status).toBe(428);
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(0n);
  });

  it('a replayed Idempotency-Key with another body (422); with the same body the first answer comes back', async () => {
    const headers = key();
    const body = { clientId: randomUUID(), details: clientDetails() };
    const first = await api(h, worker, 'POST', clientsAt(SITE_A), body, headers);
    expect(first.status).toBe(201);
    const replayed = await api(h, worker, 'POST', clientsAt(SITE_A), body, headers);
    expect(replayed).toMatchObject({ status: 201, body: first.body });
    const otherId = randomUUID();
    const reused = await api(h, worker, 'POST', clientsAt(SITE_A), { clientId: otherId, details: clientDetails() }, headers);
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('idempotencia') } });
    expect(await h.store.streamVersion(`client-${otherId}`)).toBe(-1n);
  });
});

describe('intake: a settlement worker acts only in its settlements, a district worker in the whole district', () => {
  let h: IntakeHarness;
  let workerA: string;
  let district: string;
  beforeAll(async () => {
    h = await startIntakeHarness();
    workerA = await h.token('settlement_worker', [SITE_A]);
    district = await h.token('district_worker');
  });
  afterAll(() => h.close());

  it('refuses registering and logging in settlement B with 403 OUT_OF_SCOPE, and allows the district worker', async () => {
    const clientId = randomUUID();
    const inB = await api(h, workerA, 'POST', clientsAt(SITE_B), { clientId, details: clientDetails() }, key());
    expect(inB).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    const logB = await api(h, workerA, 'POST', contactsAt(SITE_B), contactBody({ kind: 'anonymous' }), key());
    expect(logB).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(-1n);

    expect((await api(h, workerA, 'POST', clientsAt(SITE_A), { details: clientDetails() }, key())).status).toBe(201);
    const byDistrict = await api(h, district, 'POST', clientsAt(SITE_B), { clientId, details: clientDetails() }, key());
    expect(byDistrict.status).toBe(201);
    expect((await api(h, district, 'POST', contactsAt(SITE_B), contactBody({ kind: 'client', clientId }), key())).status).toBe(201);
  });

  it('hides a client of settlement B from a worker of A, whatever path is used', async () => {
    const clientId = String((await api(h, district, 'POST', clientsAt(SITE_B), { details: clientDetails() }, key())).body['clientId']);
    const viaA = await api(h, workerA, 'POST', `${clientsAt(SITE_A)}/${clientId}/service-start`, { startedOn: '2025-01-02' });
    expect(viaA).toMatchObject({ status: 404, body: { code: INTAKE_ERRORS.CLIENT_NOT_FOUND } });
    const contact = await api(h, workerA, 'POST', contactsAt(SITE_A), contactBody({ kind: 'client', clientId }), key());
    expect(contact).toMatchObject({ status: 404, body: { code: INTAKE_ERRORS.CLIENT_NOT_FOUND } });
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(0n);
  });

  it('re-checks the scope in the service when a request bypasses the gateway', async () => {
    const rpc = h.platform.app.get<ClientProxy>(RPC_CLIENT);
    const actor: Actor = { userId: 'rogue', role: 'settlement_worker', district: DISTRICT as DistrictCode, settlements: [SITE_A as SettlementCode] };
    const clientId = randomUUID();
    const payload = { district: DISTRICT, settlement: SITE_B, clientId, details: clientDetails() };
    const reply = await lastValueFrom(rpc.send<RpcReply>(INTAKE_SUBJECTS.registerClient, { actor, correlationId: randomUUID(), payload }));
    expect(reply).toEqual({ ok: false, error: { code: 'OUT_OF_SCOPE', details: { reason: 'settlement' } } });
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(-1n);
  });
});
