import { randomUUID } from 'node:crypto';
import { INTAKE_ERRORS, INTAKE_MESSAGES_HU } from '@kapocs/intake/contracts';
import { REFERENCE_ERRORS, REFERENCE_MESSAGES_HU } from '@kapocs/shared/reference-data';
import { api, contactBody, DISTRICT, type IntakeHarness, SITE_A, startIntakeHarness } from './test/intake-harness.js';

const contactsAt = `/districts/${DISTRICT}/settlements/${SITE_A}/contacts`;
const key = () => ({ 'idempotency-key': randomUUID() });

/** Retries `attempt` until `done` holds or the deadline passes (a bounded poll, never a fixed sleep). */
async function waitFor<T>(attempt: () => Promise<T>, done: (t: T) => boolean, deadlineMs = 15_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const result = await attempt();
    if (done(result) || Date.now() > until) return result;
  }
}

describe('reference data: an operator adds a code list version through the gateway (ADR-0009)', () => {
  let h: IntakeHarness;
  let operator: string;
  let worker: string;
  // A code of this run only, valid in June 2024: it never shows in today's pick lists.
  const code = `VID_${randomUUID().slice(0, 8).toUpperCase()}`;
  const version = { code, labelHu: 'Videóhívás', labelEn: 'Video call', validFrom: '2024-06-01', validTo: '2024-07-01', source: 'teszt: 1/2000. SzCsM r.' };
  const versionsOf = (list: string) => `/reference/code-lists/${list}/versions`;

  beforeAll(async () => {
    h = await startIntakeHarness();
    operator = await h.token('operator');
    worker = await h.token('district_worker');
  });
  afterAll(() => h.close());

  it('refuses a non-operator with 403 and stores nothing', async () => {
    const res = await api(h, worker, 'POST', versionsOf('contactMode'), version, key());
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const list = await api<{ codes: { code: string }[] }>(h, worker, 'GET', '/reference/code-lists/contactMode');
    expect(list.body.codes.map((c) => c.code)).not.toContain(code);
  });

  it('adds the version; a contact dated on or after validFrom accepts the code, one dated before or after validTo refuses it', async () => {
    const idem = key();
    const added = await api(h, operator, 'POST', versionsOf('contactMode'), version, idem);
    expect(added).toMatchObject({ status: 201, body: { list: 'contactMode', ...version, addedBy: expect.any(String) } });
    // The same submission again answers the first reply and adds nothing.
    const again = await fetch(`${h.platform.url}/api/v1${versionsOf('contactMode')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json', ...idem },
      body: JSON.stringify(version),
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(added.body['id']);

    // Any authenticated role reads the lists (what the web app's pick lists come from).
    const list = await api<{ list: string; codes: { code: string; validFrom: string }[] }>(h, worker, 'GET', '/reference/code-lists/contactMode');
    expect(list.status).toBe(200);
    expect(list.body.codes.filter((c) => c.code === code)).toEqual([expect.objectContaining({ validFrom: '2024-06-01', validTo: '2024-07-01' })]);
    const onDay = await api<{ codes: { list: string; code: string }[] }>(h, worker, 'GET', '/reference/code-lists?on=2024-06-15');
    expect(onDay.body.codes).toContainEqual(expect.objectContaining({ list: 'contactMode', code }));
    expect(onDay.body.codes).toContainEqual(expect.objectContaining({ list: 'problemType', code: '2.1' }));

    // The intake service reloads on the database notification: poll until the contact of 15 June is accepted.
    const accepted = await waitFor(
      () => api(h, worker, 'POST', contactsAt, contactBody({ kind: 'anonymous' }, { date: '2024-06-15', mode: code }), key()),
      (r) => r.status !== 400,
    );
    expect(accepted.status).toBe(201);

    for (const date of ['2024-05-31', '2024-07-01']) {
      const contactId = randomUUID();
      const refused = await api(h, worker, 'POST', contactsAt, contactBody({ kind: 'anonymous' }, { contactId, date, mode: code }), key());
      expect(refused).toMatchObject({ status: 400, body: { code: INTAKE_ERRORS.UNKNOWN_CODE, message: INTAKE_MESSAGES_HU.INTAKE_UNKNOWN_CODE } });
      expect(await h.store.streamVersion(`contact-${contactId}`)).toBe(-1n);
    }
    // The shipped codes still validate as before.
    expect((await api(h, worker, 'POST', contactsAt, contactBody({ kind: 'anonymous' }, { date: '2024-05-31' }), key())).status).toBe(201);
  });

  it('refuses bad versions with a stable code and a Hungarian message', async () => {
    const unknownList = await api(h, operator, 'POST', versionsOf('favouriteColour'), version, key());
    expect(unknownList).toMatchObject({
      status: 404,
      body: { code: REFERENCE_ERRORS.UNKNOWN_CODE_LIST, message: REFERENCE_MESSAGES_HU.REFERENCE_UNKNOWN_CODE_LIST },
    });
    const { labelEn: _, ...noLabel } = version;
    expect(await api(h, operator, 'POST', versionsOf('contactMode'), { ...noLabel, code: `${code}X` }, key())).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'A kérés adatai hibásak.' },
    });
    expect(await api(h, operator, 'POST', versionsOf('contactMode'), { ...version, code: `${code}Y`, validTo: '2024-01-01' }, key())).toMatchObject({
      status: 400,
      body: { code: REFERENCE_ERRORS.INVALID_VERSION, message: REFERENCE_MESSAGES_HU.REFERENCE_INVALID_VERSION },
    });
    expect(await api(h, operator, 'POST', versionsOf('contactMode'), { ...version, validFrom: '2024-05-01' }, key())).toMatchObject({
      status: 409,
      body: { code: REFERENCE_ERRORS.VERSION_CONFLICT, message: REFERENCE_MESSAGES_HU.REFERENCE_VERSION_CONFLICT },
    });
    const list = await api<{ codes: { code: string }[] }>(h, worker, 'GET', '/reference/code-lists/contactMode');
    expect(list.body.codes.filter((c) => c.code.startsWith(code))).toHaveLength(1);
    expect(await api(h, worker, 'GET', '/reference/code-lists?on=2024-02-30')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await api(h, worker, 'GET', '/reference/code-lists/favouriteColour')).toMatchObject({ status: 404, body: { code: REFERENCE_ERRORS.UNKNOWN_CODE_LIST } });
  });
});
