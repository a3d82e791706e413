import { createHash, randomInt } from 'node:crypto';
// The test forges an expired challenge with the gateway's own signer (same master key).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { deriveChallengeKey, ProofOfWork, solve } from '@kapocs/gateway/infrastructure';
import { SIGNALS_ERRORS, SIGNALS_MESSAGES_HU } from '@kapocs/signals/contracts';
import { parseMasterKey } from '@kapocs/platform/event-store';
import { TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { api, DISTRICT, signalForm, type SignalsHarness, SITE_A, startSignalsHarness } from './test/signals-harness.js';

const DIFFICULTY = 10;
const BURST = 4;
const ENV = {
  KAPOCS_PUBLIC_SIGNALS_POW_BITS: String(DIFFICULTY),
  KAPOCS_PUBLIC_SIGNALS_BURST: String(BURST),
  KAPOCS_PUBLIC_SIGNALS_PER_HOUR: '1',
  // The test client is the trusted proxy, so each test can speak from its own fresh address.
  KAPOCS_TRUSTED_PROXIES: '127.0.0.1, ::1',
};

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

// Rate-limit buckets outlive a run (the test database is reused), so every address is a fresh IPv6 /64 out of the
// documentation prefix: 2^32 buckets, where 2^16 IPv4 test addresses did collide with an earlier run's spent bucket.
const group = (): string => randomInt(0x10000).toString(16);
const freshAddress = (): string => `2001:db8:${group()}:${group()}::1`;

describe('the public anonymous signal form through the gateway, over NATS, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
  });
  afterAll(async () => {
    await h.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function call(method: string, path: string, address: string, body?: unknown): Promise<Reply> {
    const res = await fetch(`${h.platform.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
  }

  /** A citizen's form: no organisation, no signaller unless given. */
  const citizenForm = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
    const { signaller: _none, ...form } = signalForm();
    return { ...form, ...overrides };
  };

  async function proof(address: string): Promise<{ challenge: string; nonce: string }> {
    const res = await call('GET', '/public/signals/challenge', address);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ difficulty: DIFFICULTY, algorithm: 'sha256-leading-zero-bits' });
    const challenge = String(res.body['challenge']);
    return { challenge, nonce: solve(challenge, DIFFICULTY) };
  }

  const exists = async (signalId: unknown): Promise<boolean> => (await h.store.streamVersion(`signal-${String(signalId)}`)) >= 0n;

  it('creates a signal without a token and answers only the reference number', async () => {
    const address = freshAddress();
    const form = citizenForm();
    const res = await call('POST', '/public/signals', address, { ...form, ...(await proof(address)) });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['reference']);
    expect(String(res.body['reference'])).toMatch(/^J-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    for await (const e of h.store.readStream(`signal-${String(form['signalId'])}`)) {
      expect(e.data).toMatchObject({ source: 'public', channel: 'WEB_FORM', memberCategory: 'CITIZEN', district: DISTRICT, settlement: SITE_A });
      expect(e.data).not.toHaveProperty('organisationId');
      expect(e.metadata.actor).toEqual({ userId: 'public-form', role: 'signal_member' });
    }
    // The reply carries no checkpoint (nothing to read back): poll the staff queue with a deadline.
    const deadline = Date.now() + 10_000;
    let items: Record<string, unknown>[] = [];
    while (items.length === 0 && Date.now() < deadline) {
      items = (await api<{ items: Record<string, unknown>[] }>(h, admin, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${String(res.body['reference'])}`)).body.items;
    }
    expect(items).toEqual([expect.objectContaining({ signalId: form['signalId'], channel: 'WEB_FORM', memberCategory: 'CITIZEN', settlement: SITE_A })]);
  });

  it('shows the on-call number at once in immediate danger', async () => {
    const address = freshAddress();
    const res = await call('POST', '/public/signals', address, { ...citizenForm({ urgency: 'immediate' }), ...(await proof(address)) });
    expect(res).toMatchObject({ status: 201, body: { onCallNumber: '112' } });
  });

  it('refuses a missing, forged, unworked, reused or expired proof in Hungarian, storing nothing', async () => {
    // Every request from its own address: this test makes more requests than one address's burst.
    const missing = citizenForm();
    expect(await call('POST', '/public/signals', freshAddress(), missing)).toMatchObject({
      status: 400,
      body: { code: SIGNALS_ERRORS.PROOF_MISSING, message: SIGNALS_MESSAGES_HU.SIGNALS_PROOF_MISSING },
    });
    expect(await exists(missing['signalId'])).toBe(false);

    const { challenge, nonce } = await proof(freshAddress());
    const [v, payload, signature] = challenge.split('.');
    const tampered = `${v}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    const forged = citizenForm();
    expect(await call('POST', '/public/signals', freshAddress(), { ...forged, challenge: tampered, nonce: solve(tampered, DIFFICULTY) })).toMatchObject({
      status: 400,
      body: { code: SIGNALS_ERRORS.PROOF_INVALID, message: SIGNALS_MESSAGES_HU.SIGNALS_PROOF_INVALID },
    });
    // A nonce whose hash starts with a non-zero byte has fewer than 8 < DIFFICULTY leading zero bits.
    let lazy = 0;
    while (createHash('sha256').update(`${challenge}${lazy}`).digest()[0] === 0) lazy++;
    expect((await call('POST', '/public/signals', freshAddress(), { ...forged, challenge, nonce: String(lazy) })).body).toMatchObject({
      code: SIGNALS_ERRORS.PROOF_INVALID,
      details: [{ reason: 'work' }],
    });
    expect(await exists(forged['signalId'])).toBe(false);

    const first = citizenForm();
    const used = await call('POST', '/public/signals', freshAddress(), { ...first, challenge, nonce });
    expect(used.status).toBe(201);
    const retry = await call('POST', '/public/signals', freshAddress(), { ...first, challenge, nonce });
    expect(retry).toMatchObject({ status: 201, body: { reference: used.body['reference'] } });
    const second = citizenForm();
    expect(await call('POST', '/public/signals', freshAddress(), { ...second, challenge, nonce })).toMatchObject({
      status: 409,
      body: { code: SIGNALS_ERRORS.PROOF_REUSED, message: SIGNALS_MESSAGES_HU.SIGNALS_PROOF_REUSED },
    });
    expect(await exists(second['signalId'])).toBe(false);

    const signer = new ProofOfWork(deriveChallengeKey(parseMasterKey(TEST_MASTER_KEY)), DIFFICULTY, 600);
    const old = signer.issue(new Date(Date.now() - 3_600_000)).challenge;
    const late = citizenForm();
    expect(await call('POST', '/public/signals', freshAddress(), { ...late, challenge: old, nonce: solve(old, DIFFICULTY) })).toMatchObject({
      status: 400,
      body: { code: SIGNALS_ERRORS.PROOF_EXPIRED, message: SIGNALS_MESSAGES_HU.SIGNALS_PROOF_EXPIRED },
    });
    expect(await exists(late['signalId'])).toBe(false);
  });

  it('gives the challenge back when the form is refused, so the citizen can correct it', async () => {
    const address = freshAddress();
    const p = await proof(address);
    const form = citizenForm({ categories: [] });
    expect((await call('POST', '/public/signals', address, { ...form, ...p })).body).toMatchObject({ code: SIGNALS_ERRORS.MISSING_CATEGORY });
    expect(await exists(form['signalId'])).toBe(false);
    expect((await call('POST', '/public/signals', address, { ...form, categories: ['NEGLECT'], ...p })).status).toBe(201);
  });

  it('limits requests per client address with 429, a Hungarian message and Retry-After; other addresses go on', async () => {
    const address = freshAddress();
    for (let i = 0; i < BURST; i++) expect((await call('GET', '/public/signals/challenge', address)).status).toBe(200);
    const limited = await call('GET', '/public/signals/challenge', address);
    expect(limited).toMatchObject({ status: 429, body: { code: SIGNALS_ERRORS.RATE_LIMITED, message: SIGNALS_MESSAGES_HU.SIGNALS_RATE_LIMITED } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const form = citizenForm();
    expect((await call('POST', '/public/signals', address, form)).status).toBe(429);
    expect(await exists(form['signalId'])).toBe(false);
    expect((await call('GET', '/public/signals/challenge', freshAddress())).status).toBe(200);
  });

  it('cannot read: no public route returns a signal, and staff routes want a token', async () => {
    const address = freshAddress();
    const form = citizenForm();
    const made = await call('POST', '/public/signals', address, { ...form, ...(await proof(address)) });
    expect(made.status).toBe(201);
    for (const path of [`/public/signals/${String(form['signalId'])}`, '/public/signals', `/public/signals/by-reference/${String(made.body['reference'])}`]) {
      const res = await call('GET', path, address);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(String(form['signalId']));
    }
    expect((await call('GET', `/districts/${DISTRICT}/signal-queue?reference=${String(made.body['reference'])}`, address)).status).toBe(401);
    expect((await call('GET', `/districts/${DISTRICT}/settlements/${SITE_A}/signals/${String(form['signalId'])}/attachments`, address)).status).toBe(401);
  });
});
