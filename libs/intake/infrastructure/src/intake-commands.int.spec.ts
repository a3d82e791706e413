import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { INTAKE_ERRORS, INTAKE_MESSAGES_HU } from '@kapocs/intake/contracts';
import { PG_POOL } from '@kapocs/shared/kernel';
import { api, clientDetails, contactBody, DISTRICT, type IntakeHarness, SITE_A, startIntakeHarness, today } from './test/intake-harness.js';

const clients = `/districts/${DISTRICT}/settlements/${SITE_A}/clients`;
const contacts = `/districts/${DISTRICT}/settlements/${SITE_A}/contacts`;
const key = () => ({ 'idempotency-key': randomUUID() });

describe('intake commands through the gateway, over NATS, on PostgreSQL', () => {
  let h: IntakeHarness;
  let worker: string;
  beforeAll(async () => {
    h = await startIntakeHarness();
    worker = await h.token('district_worker');
  });
  afterAll(() => h.close());

  const register = (details: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    api(h, worker, 'POST', clients, { details, ...extra }, key());

  it('registers a client with its register number and individual id, and an ETag', async () => {
    const res = await register(clientDetails());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId: expect.any(String), registerNumber: expect.any(Number), version: '0' });
    expect(res.body['individualId']).toMatch(/^\d{8}$/);
    expect(res.etag).toBe('"0"');
    expect(await h.store.streamVersion(`client-${String(res.body['clientId'])}`)).toBe(0n);
  });

  it('warns of a probable duplicate registered a moment earlier, and registers it once acknowledged', async () => {
    const details = clientDetails();
    const first = await register(details);
    expect(first.status).toBe(201);
    // Same person typed without accents and with another case, no TAJ: found by name, birth date and mother's name.
    const { taj: _taj, ...withoutTaj } = details;
    const lookalike = { ...withoutTaj, name: String(details['name']).toUpperCase().replace('É', 'E') };
    const clientId = randomUUID();
    const warned = await register(lookalike, { clientId });
    expect(warned.status).toBe(409);
    expect(warned.body).toMatchObject({
      code: INTAKE_ERRORS.PROBABLE_DUPLICATE,
      message: INTAKE_MESSAGES_HU.INTAKE_PROBABLE_DUPLICATE,
      details: [{ candidates: [{ clientId: first.body['clientId'], reason: 'same_name_birth_date_mother' }] }],
    });
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(-1n);
    const sameTaj = await register(clientDetails({ taj: details['taj'] }));
    expect(sameTaj.body).toMatchObject({ details: [{ candidates: [{ clientId: first.body['clientId'], reason: 'same_taj' }] }] });
    const acknowledged = await register(lookalike, { clientId, acknowledgeDuplicates: true });
    expect(acknowledged.status).toBe(201);
  });

  it('sees registrations and erasures committed while a long transaction elsewhere holds the read horizon', async () => {
    const held = await h.platform.app.get<Pool>(PG_POOL).connect();
    try {
      await held.query('BEGIN');
      await held.query('SELECT pg_current_xact_id()');
      const details = clientDetails();
      const first = await register(details);
      const duplicate = await register(clientDetails({ taj: details['taj'] }));
      expect(duplicate.body).toMatchObject({ details: [{ candidates: [{ clientId: first.body['clientId'], reason: 'same_taj' }] }] });
      const head = await h.token('head');
      expect((await api(h, head, 'POST', `${clients}/${String(first.body['clientId'])}/erasure`)).status).toBe(200);
      expect((await register(clientDetails({ taj: details['taj'] }))).status).toBe(201);
    } finally {
      await held.query('ROLLBACK');
      held.release();
    }
  });

  it('logs a contact for a client and an anonymous one, corrects and voids it', async () => {
    const client = await register(clientDetails());
    const clientId = String(client.body['clientId']);
    const logged = await api(h, worker, 'POST', contacts, contactBody({ kind: 'client', clientId }), key());
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ contactId: expect.any(String), version: '0', checkpoint: expect.any(String) });
    const anonymous = await api(h, worker, 'POST', contacts, contactBody({ kind: 'anonymous' }), key());
    expect(anonymous.status).toBe(201);

    const path = `${contacts}/${String(logged.body['contactId'])}`;
    const corrected = await api(h, worker, 'PATCH', path, { reason: 'elírás', changes: { mode: 'IN_PERSON' } }, { 'if-match': '"0"' });
    expect(corrected.status).toBe(200);
    expect(corrected.etag).toBe('"1"');
    const voided = await api(h, worker, 'POST', `${path}/void`, { reason: 'téves rögzítés' });
    expect(voided).toMatchObject({ status: 200, body: { version: '2' } });
    const again = await api(h, worker, 'PATCH', path, { reason: 'x', changes: { mode: 'PHONE' } }, { 'if-match': '"2"' });
    expect(again.body).toMatchObject({ code: INTAKE_ERRORS.CONTACT_VOIDED });
  });

  it('logs a group session with participant counts', async () => {
    const body = { date: today(), dutyWorkerId: 'worker-1', groupType: '1', participantCount: 12, newParticipantCount: 3 };
    const res = await api(h, worker, 'POST', `/districts/${DISTRICT}/settlements/${SITE_A}/group-sessions`, body, key());
    expect(res).toMatchObject({ status: 201, body: { version: '0' } });
  });

  it('records declarations, starts and ends the service, and corrects the client with If-Match', async () => {
    const client = await register(clientDetails());
    const path = `${clients}/${String(client.body['clientId'])}`;
    const consent = { kind: 'data_processing', declaredOn: today(), form: 'written', purposes: { register: true, disclosureOnRequest: true, specialData: false } };
    expect(await api(h, worker, 'POST', `${path}/declarations`, consent)).toMatchObject({ status: 200, body: { version: '1' } });
    const other = { kind: 'other_basic_services', declaredOn: today(), usesOtherServices: false, providers: [] };
    expect(await api(h, worker, 'POST', `${path}/declarations`, other)).toMatchObject({ status: 200, body: { version: '2' } });
    expect(await api(h, worker, 'POST', `${path}/service-start`, { startedOn: today() })).toMatchObject({ status: 200, body: { version: '3' } });
    expect(await api(h, worker, 'POST', `${path}/service-end`, { endedOn: today() })).toMatchObject({ status: 200, body: { version: '4' } });
    const corrected = await api(h, worker, 'PATCH', path, { reason: 'költözés', changes: { residenceAddress: 'Kossuth utca 2.' } }, { 'if-match': '"4"' });
    expect(corrected).toMatchObject({ status: 200, etag: '"5"' });
  });

  it('refuses a void, a service start or end and a merge on a stale optional If-Match (412, Hungarian), storing nothing', async () => {
    const stale = { status: 412, body: { code: 'WRONG_EXPECTED_VERSION', message: 'Az adatot időközben módosították; töltse be újra, és próbálja ismét.' } };
    const clientId = String((await register(clientDetails())).body['clientId']);
    const other = String((await register(clientDetails())).body['clientId']);
    const path = `${clients}/${clientId}`;
    expect(await api(h, worker, 'POST', `${path}/service-start`, { startedOn: today() }, { 'if-match': '"1"' })).toMatchObject(stale);
    expect(await api(h, worker, 'POST', `${path}/service-end`, { endedOn: today() }, { 'if-match': '"3"' })).toMatchObject(stale);
    expect(await api(h, worker, 'POST', `${path}/merge`, { mergedClientId: other, reason: 'azonos' }, { 'if-match': '"5"' })).toMatchObject(stale);
    expect(await h.store.streamVersion(`client-${clientId}`)).toBe(0n);
    expect(await h.store.streamVersion(`client-${other}`)).toBe(0n);
    expect(await api(h, worker, 'POST', `${path}/service-start`, { startedOn: today() }, { 'if-match': '"0"' })).toMatchObject({ status: 200, etag: '"1"' });

    const logged = await api(h, worker, 'POST', contacts, contactBody({ kind: 'client', clientId }), key());
    const contact = `${contacts}/${String(logged.body['contactId'])}`;
    expect(await api(h, worker, 'POST', `${contact}/void`, { reason: 'téves' }, { 'if-match': '"1"' })).toMatchObject(stale);
    expect(await h.store.streamVersion(`contact-${String(logged.body['contactId'])}`)).toBe(0n);
    expect(await api(h, worker, 'POST', `${contact}/void`, { reason: 'téves' }, { 'if-match': '"0"' })).toMatchObject({ status: 200, etag: '"1"' });
  });

  it('merges two clients, keeping both histories', async () => {
    const survivor = String((await register(clientDetails())).body['clientId']);
    const merged = String((await register(clientDetails())).body['clientId']);
    const res = await api(h, worker, 'POST', `${clients}/${survivor}/merge`, { mergedClientId: merged, reason: 'azonos személy' });
    expect(res).toMatchObject({ status: 200, body: { clientId: survivor, version: '1' } });
    expect(await h.store.streamVersion(`client-${merged}`)).toBe(1n);
    const onMerged = await api(h, worker, 'POST', `${clients}/${merged}/service-start`, { startedOn: today() });
    expect(onMerged.body).toMatchObject({ code: INTAKE_ERRORS.CLIENT_MERGED, details: [{ survivorId: survivor }] });
  });

  it('lets a head erase a client, refuses a worker, and forgets the client for duplicate checks', async () => {
    const details = clientDetails();
    const clientId = String((await register(details)).body['clientId']);
    const denied = await api(h, worker, 'POST', `${clients}/${clientId}/erasure`);
    expect(denied).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const head = await h.token('head');
    expect(await api(h, head, 'POST', `${clients}/${clientId}/erasure`)).toMatchObject({ status: 200, body: { version: '1' } });
    const [registered] = await collect(h.store.readStream(`client-${clientId}`, { maxCount: 1 }));
    expect(registered?.personal[clientId]).not.toHaveProperty('name');
    expect((await register(details)).status).toBe(201);
    const after = await api(h, worker, 'POST', `${clients}/${clientId}/service-start`, { startedOn: today() });
    expect(after).toMatchObject({ status: 404, body: { code: INTAKE_ERRORS.CLIENT_NOT_FOUND } });
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
