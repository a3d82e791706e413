import { randomUUID } from 'node:crypto';
import { DevIssuer } from '@kapocs/platform/auth';
import { ROLES, type Role } from '@kapocs/shared/kernel';
import { RpcGateway } from './rpc/rpc-gateway.js';
import { type GatewayHarness, startGatewayHarness } from './test/gateway-harness.js';

let h: GatewayHarness;
const tokens = new Map<string, string>();

interface Reply {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string; details?: Array<Record<string, unknown>> };
  headers: Headers;
}

async function request(method: string, path: string, init: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${h.url}${path}`, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Reply['body']) : {}, headers: res.headers };
}

async function tokenFor(role: Role, district = '121'): Promise<string> {
  const key = `${role}@${district}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const claims = {
    sub: `user-${role}-${district}`,
    role,
    district,
    settlements: role === 'settlement_worker' ? ['03179'] : [],
    ...(role === 'signal_member' ? { organisation: 'school-1' } : {}),
  };
  const res = await request('POST', '/api/v1/dev/token', { body: claims });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
  tokens.set(key, res.body['access_token'] as string);
  return res.body['access_token'] as string;
}

beforeAll(async () => {
  h = await startGatewayHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const TARGETS = {
  own: '/api/v1/districts/121/settlements/03179',
  foreignDistrict: '/api/v1/districts/122/settlements/12345',
  foreignSettlement: '/api/v1/districts/121/settlements/22222',
} as const;
type Target = keyof typeof TARGETS;

const WRITERS: readonly Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];
/** What each writer role gets per target; everyone else is FORBIDDEN everywhere on these personal-data routes. */
const SCOPE_EXPECTED: Record<string, Record<Target, string>> = {
  settlement_worker: { own: 'ok', foreignDistrict: 'OUT_OF_SCOPE', foreignSettlement: 'OUT_OF_SCOPE' },
  district_worker: { own: 'ok', foreignDistrict: 'OUT_OF_SCOPE', foreignSettlement: 'ok' },
  case_manager: { own: 'ok', foreignDistrict: 'OUT_OF_SCOPE', foreignSettlement: 'ok' },
  head: { own: 'ok', foreignDistrict: 'OUT_OF_SCOPE', foreignSettlement: 'ok' },
};
/** A signal member may read personal data only through its organisation's records: a foreign district is reported first. */
const READ_EXPECTED: Record<string, Record<Target, string>> = {
  ...SCOPE_EXPECTED,
  signal_member: { own: 'FORBIDDEN', foreignDistrict: 'OUT_OF_SCOPE', foreignSettlement: 'FORBIDDEN' },
};
const matrixOf = (table: Record<string, Record<Target, string>>) =>
  ROLES.flatMap((role) => (Object.keys(TARGETS) as Target[]).map((target) => [role, target, table[role]?.[target] ?? 'FORBIDDEN'] as const));
const matrix = matrixOf(SCOPE_EXPECTED);

const expectOutcome = (res: Reply, expected: string, okStatus: number): void => {
  if (expected === 'ok') {
    expect(res.status).toBe(okStatus);
  } else {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: expected });
  }
};

describe('role matrix: 7 roles × sample endpoints × own / foreign district / foreign settlement', () => {
  it.each(matrixOf(READ_EXPECTED))('GET personal-data read: %s on %s → %s', async (role, target, expected) => {
    const res = await request('GET', `${TARGETS[target]}/sample-subjects/subj-${role}-${target}`, { token: await tokenFor(role) });
    expectOutcome(res, expected, 200);
    if (expected === 'ok') expect(res.headers.get('etag')).toBe('"1"');
  });

  it.each(matrix)('POST create: %s on %s → %s', async (role, target, expected) => {
    const res = await request('POST', `${TARGETS[target]}/sample-notes`, {
      token: await tokenFor(role),
      body: { subjectId: 'subj-1', text: 'note' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expectOutcome(res, expected, 201);
  });

  it.each(matrix)('PATCH If-Match update: %s on %s → %s', async (role, target, expected) => {
    const res = await request('PATCH', `${TARGETS[target]}/sample-subjects/${randomUUID()}`, {
      token: await tokenFor(role),
      body: { label: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expectOutcome(res, expected, 200);
    if (expected === 'ok') expect(res.headers.get('etag')).toBe('"2"');
  });

  it('lets only writer roles hold the matrix open: the table covers every role', () => {
    expect(new Set(matrix.map(([r]) => r))).toEqual(new Set(ROLES));
    expect(WRITERS.every((r) => SCOPE_EXPECTED[r])).toBe(true);
  });
});

describe('audit of personal-data reads', () => {
  it('lists the successful reads of a subject, and only those', async () => {
    const head = await tokenFor('head');
    const allowed = await request('GET', '/api/v1/audit/subjects/subj-settlement_worker-own', { token: head });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual([
      expect.objectContaining({
        actorUserId: 'user-settlement_worker-121',
        actorRole: 'settlement_worker',
        district: '121',
        subjectId: 'subj-settlement_worker-own',
        action: 'read',
        purpose: 'access-conformance',
      }),
    ]);
    const refused = await request('GET', '/api/v1/audit/subjects/subj-settlement_worker-foreignDistrict', { token: head });
    expect(refused.body).toEqual([]);
  });

  it('records the correlation id of the request', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const id = `subj-${randomUUID()}`;
    const read = await request('GET', `${TARGETS.own}/sample-subjects/${id}`, {
      token: await tokenFor('district_worker'),
      headers: { 'x-correlation-id': correlationId },
    });
    expect(read.headers.get('x-correlation-id')).toBe(correlationId);
    expect(h.state.correlationIds).toContain(correlationId);
    const trail = await request('GET', `/api/v1/audit/subjects/${id}`, { token: await tokenFor('case_manager') });
    expect(trail.body).toEqual([expect.objectContaining({ correlationId, actorRole: 'district_worker' })]);
  });

  it('records the reading of the trail itself, seen by the next reader', async () => {
    const id = `subj-${randomUUID()}`;
    await request('GET', `${TARGETS.own}/sample-subjects/${id}`, { token: await tokenFor('district_worker') });
    const first = await request('GET', `/api/v1/audit/subjects/${id}`, { token: await tokenFor('head') });
    expect(first.body).toEqual([expect.objectContaining({ purpose: 'access-conformance' })]);
    const second = await request('GET', `/api/v1/audit/subjects/${id}`, { token: await tokenFor('case_manager') });
    expect(second.body).toEqual([
      expect.objectContaining({ purpose: 'access-conformance', actorRole: 'district_worker' }),
      expect.objectContaining({ purpose: 'audit-trail', actorRole: 'head', action: 'read' }),
    ]);
  });

  it('shows another district’s head nothing and refuses settlement workers', async () => {
    const foreignHead = await request('GET', '/api/v1/audit/subjects/subj-head-own', { token: await tokenFor('head', '122') });
    expect(foreignHead).toMatchObject({ status: 200, body: [] });
    const worker = await request('GET', '/api/v1/audit/subjects/subj-head-own', { token: await tokenFor('settlement_worker') });
    expect({ status: worker.status, code: worker.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('keeps the audit log append-only in the database', async () => {
    await expect(h.db.pool.query(`DELETE FROM "${h.db.schema}".audit_log`)).rejects.toThrow(/append-only/);
    await expect(h.db.pool.query(`UPDATE "${h.db.schema}".audit_log SET purpose = 'x'`)).rejects.toThrow(/append-only/);
  });
});

describe('API conventions', () => {
  const notes = `${TARGETS.own}/sample-notes`;

  it('replays the stored response for the same key and body, refuses another body', async () => {
    const token = await tokenFor('head');
    const key = randomUUID();
    const first = await request('POST', notes, { token, body: { subjectId: 's1', text: 'a' }, headers: { 'idempotency-key': key } });
    const again = await request('POST', notes, { token, body: { text: 'a', subjectId: 's1' }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await request('POST', notes, { token, body: { subjectId: 's1', text: 'b' }, headers: { 'idempotency-key': key } });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const fresh = await request('POST', notes, { token, body: { subjectId: 's1', text: 'a' }, headers: { 'idempotency-key': randomUUID() } });
    expect(fresh.body['noteId']).not.toBe(first.body['noteId']);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS to a duplicate while the first is running', async () => {
    const token = await tokenFor('head');
    const init = { token, body: { subjectId: 's1', text: 'hold' }, headers: { 'idempotency-key': randomUUID() } };
    const first = request('POST', notes, init);
    await h.state.heldNoteArrived;
    const duplicate = await request('POST', notes, init);
    expect({ status: duplicate.status, code: duplicate.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });
    h.state.release();
    expect((await first).status).toBe(201);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await request('POST', notes, { token: await tokenFor('head'), body: { subjectId: 's1', text: 'a' }, headers: { 'idempotency-key': 'x'.repeat(300) } });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'IDEMPOTENCY_KEY_INVALID' });
  });

  it('requires If-Match and reports a stale version', async () => {
    const token = await tokenFor('head');
    const path = `${TARGETS.own}/sample-subjects/${randomUUID()}`;
    const missing = await request('PATCH', path, { token, body: { label: 'x' } });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 428, code: 'PRECONDITION_REQUIRED' });
    const weak = await request('PATCH', path, { token, body: { label: 'x' }, headers: { 'if-match': 'W/"1"' } });
    expect({ status: weak.status, code: weak.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const fresh = await request('PATCH', path, { token, body: { label: 'x' }, headers: { 'if-match': '"1"' } });
    expect(fresh.headers.get('etag')).toBe('"2"');
    const stale = await request('PATCH', path, { token, body: { label: 'y' }, headers: { 'if-match': '"1"' } });
    expect(stale).toMatchObject({ status: 412, body: { code: 'WRONG_EXPECTED_VERSION', details: [{ expected: '1', actual: '2' }] } });
  });

  it('rejects unknown fields, wrong types, malformed JSON and oversize bodies', async () => {
    const token = await tokenFor('head');
    const unknown = await request('POST', notes, { token, body: { subjectId: 's1', text: 'a', extra: 1 } });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'UNKNOWN_FIELD', details: [{ field: 'extra' }] } });
    const wrongType = await request('POST', notes, { token, body: { subjectId: 's1', text: 5 } });
    expect(wrongType).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [{ field: 'text' }] } });
    const malformed = await request('POST', notes, { token, raw: '{"subjectId":' });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'MALFORMED_JSON' });
    const large = await request('POST', notes, { token, body: { subjectId: 's1', text: 'x'.repeat(20_000) } });
    expect({ status: large.status, code: large.body.code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('speaks Hungarian by default and English on request', async () => {
    const hu = await request('GET', '/api/v1/me');
    expect(hu).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Bejelentkezés/) } });
    expect(hu.headers.get('www-authenticate')).toBe('Bearer');
    const en = await request('GET', '/api/v1/me', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.body.message).toMatch(/Authentication is required/);
  });

  it('rejects a token signed by another key, and accepts its own', async () => {
    const stranger = await DevIssuer.create({ issuer: 'urn:kapocs:test', audience: 'kapocs-test', devIssuer: true });
    const forged = await stranger.issue({ sub: 'x', role: 'head', district: '121', settlements: [] });
    const res = await request('GET', '/api/v1/me', { token: forged.access_token });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const me = await request('GET', '/api/v1/me', { token: await tokenFor('signal_member') });
    expect(me.body).toEqual({ userId: 'user-signal_member-121', role: 'signal_member', district: '121', settlements: [], organisation: 'school-1' });
  });

  it('serves the dev JWKS and refuses an invalid dev token request', async () => {
    const jwks = await request('GET', '/api/v1/dev/.well-known/jwks.json');
    expect(jwks.body['keys']).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256' })]);
    expect(JSON.stringify(jwks.body)).not.toContain('"d"');
    const bad = await request('POST', '/api/v1/dev/token', { body: { sub: 'x', role: 'admin', district: '121', settlements: [] } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [{ field: 'role' }] } });
  });

  it('pings a service over NATS, and maps no responders and timeouts', async () => {
    const ping = await request('GET', '/api/v1/services/intake/ping', { token: await tokenFor('operator') });
    expect(ping).toMatchObject({ status: 200, body: { service: 'intake' } });
    const unknown = await request('GET', '/api/v1/services/nope/ping', { token: await tokenFor('operator') });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const rpc = h.app.get(RpcGateway);
    const actor = { userId: 'u', role: 'operator' as const, district: '121', settlements: [] } as never;
    await expect(rpc.call(`nobody${randomUUID().slice(0, 8)}.query.ping`, actor, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const held = { district: '121', settlement: '03179', id: 'hold' };
    await expect(rpc.call('conformance.query.sample-subject', actor, held, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('keeps probes unprefixed and public, the API under /api/v1, and publishes OpenAPI', async () => {
    expect((await request('GET', '/health/live')).status).toBe(200);
    const prefixed = await request('GET', '/api/v1/health/live');
    expect({ status: prefixed.status, code: prefixed.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const openapi = await request('GET', '/api/docs-json');
    expect(Object.keys(openapi.body['paths'] as object)).toEqual(
      expect.arrayContaining([
        '/api/v1/dev/token',
        '/api/v1/me',
        '/api/v1/services/{service}/ping',
        '/api/v1/audit/subjects/{subjectId}',
        '/api/v1/districts/{district}/settlements/{settlement}/sample-subjects/{id}',
        '/api/v1/districts/{district}/settlements/{settlement}/sample-notes',
      ]),
    );
    expect((await fetch(`${h.url}/api/docs`)).status).toBe(200);
  });
});
