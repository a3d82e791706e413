import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { PG_POOL } from '@kapocs/shared/kernel';
import { api, DISTRICT, key, registerMember, signalForm, type SignalsHarness, SITE_A, SITE_B, startSignalsHarness, today } from './test/signals-harness.js';

const ifMatch = (version: string) => ({ 'if-match': `"${version}"` });
const staffPath = (site: string, signalId: string) => `/districts/${DISTRICT}/settlements/${site}/signals/${signalId}`;

describe('staff read of a signal’s content and the queue’s stream version, through the gateway, on PostgreSQL', () => {
  let h: SignalsHarness;
  let admin: string;
  let pool: Pool;
  beforeAll(async () => {
    h = await startSignalsHarness();
    admin = await h.token('district_worker');
    pool = h.platform.app.get<Pool>(PG_POOL);
  });
  afterAll(() => h.close());

  async function submitted(overrides: Record<string, unknown> = {}) {
    const m = await registerMember(h, admin);
    const form = signalForm(overrides);
    const res = await api(h, m.member, 'POST', `/districts/${DISTRICT}/organisations/${m.organisationId}/signals`, form, key());
    expect(res.status).toBe(201);
    return { ...m, form, signalId: String(res.body['signalId']), reference: String(res.body['reference']), checkpoint: String(res.body['checkpoint']) };
  }

  it('shows an in-scope settlement worker what was observed, about whom and by whom, and audits the read', async () => {
    const taj = '123456788';
    const s = await submitted({
      subject: { name: `Minta Réka ${randomUUID().slice(0, 6)}`, birthDate: '2016-02-03', taj, address: 'Bénye, Fő utca 9.' },
      observed: 'Napok óta ugyanabban a ruhában jön, éhes.',
      observedSince: '2026-01-05',
    });
    const workerId = `worker-${randomUUID().slice(0, 8)}`;
    const worker = await h.token('settlement_worker', { settlements: [SITE_A], sub: workerId });
    await api(h, admin, 'POST', `${staffPath(SITE_A, s.signalId)}/measures`, { kind: 'FIRST_CONTACT', date: today(), note: 'Telefonon elértük az anyát.' }, ifMatch('0'));

    const read = await api(h, worker, 'GET', staffPath(SITE_A, s.signalId));
    expect(read.status).toBe(200);
    const subject = (s.form['subject'] as Record<string, string>) ?? {};
    expect(read.body).toMatchObject({
      signalId: s.signalId,
      reference: s.reference,
      observed: 'Napok óta ugyanabban a ruhában jön, éhes.',
      observedSince: '2026-01-05',
      subject: { name: subject['name'], birthDate: '2016-02-03', taj, address: 'Bénye, Fő utca 9.' },
      signaller: { name: 'Tanár Tibor', phone: '+36 30 123 4567' },
      attachments: [],
      measures: [{ kind: 'FIRST_CONTACT', date: today(), note: 'Telefonon elértük az anyát.' }],
      erased: false,
      version: '1',
    });
    const audit = await pool.query('SELECT purpose, action, district FROM auth.audit_log WHERE subject_id = $1 AND actor_user_id = $2', [s.signalId, workerId]);
    expect(audit.rows).toEqual([{ purpose: 'signal-details', action: 'read', district: DISTRICT }]);
  });

  it('refuses a worker of another settlement and a member, who keeps the status-only view; nothing is audited for them', async () => {
    const s = await submitted();
    const otherId = `worker-${randomUUID().slice(0, 8)}`;
    const workerB = await h.token('settlement_worker', { settlements: [SITE_B], sub: otherId });
    expect((await api(h, workerB, 'GET', staffPath(SITE_A, s.signalId))).status).toBe(403);
    expect(await api(h, workerB, 'GET', staffPath(SITE_B, s.signalId))).toMatchObject({ status: 404, body: { code: SIGNALS_ERRORS.SIGNAL_NOT_FOUND } });
    expect(await api(h, admin, 'GET', staffPath(SITE_A, randomUUID()))).toMatchObject({ status: 404, body: { code: SIGNALS_ERRORS.SIGNAL_NOT_FOUND } });

    const onStaffRoute = await api(h, s.member, 'GET', staffPath(SITE_A, s.signalId));
    expect([403, 404]).toContain(onStaffRoute.status);
    expect(JSON.stringify(onStaffRoute.body)).not.toContain('éhesen');
    const own = await api(h, s.member, 'GET', `/districts/${DISTRICT}/organisations/${s.organisationId}/signals/${s.signalId}?after=${s.checkpoint}`);
    expect(own.status).toBe(200);
    expect(Object.keys(own.body).sort()).toEqual(['reference', 'signalId', 'status', 'statusSince', 'subjectKind', 'submittedAt']);
    const audit = await pool.query('SELECT 1 FROM auth.audit_log WHERE subject_id = $1 AND purpose = $2', [s.signalId, 'signal-details']);
    expect(audit.rowCount).toBe(0);
  });

  it('hands out the stream version in the queue, so several measures in a row need no retry', async () => {
    const s = await submitted();
    const queueItem = async (after: string) => {
      const q = await api<{ items: Record<string, unknown>[] }>(h, admin, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${s.reference}&after=${after}`);
      return q.body.items.find((i) => i['signalId'] === s.signalId);
    };
    let item = await queueItem(s.checkpoint);
    expect(item?.['version']).toBe('0');
    // Each step names the version the queue just gave, as the triage page does.
    const steps = [
      ['assignment', { workerId: 'worker-v' }],
      ['measures', { kind: 'FIRST_CONTACT', date: today() }],
      ['measures', { kind: 'FAMILY_VISIT', date: today(), note: 'Rendben.' }],
      ['measures', { kind: 'FAMILY_VISIT', date: today() }],
    ] as const;
    for (const [path, body] of steps) {
      const res = await api(h, admin, 'POST', `${staffPath(SITE_A, s.signalId)}/${path}`, body, ifMatch(String(item?.['version'])));
      expect(res.status).toBe(200);
      item = await queueItem(String(res.body['checkpoint']));
    }
    const streamVersion = await h.store.streamVersion(`signal-${s.signalId}`);
    expect(streamVersion).toBe(4n);
    expect(item?.['version']).toBe(String(streamVersion));
  });

  it('finds a signal by its reference typed without the J- prefix or dashes', async () => {
    const s = await submitted();
    const bare = s.reference.slice(2).replace('-', '').toLowerCase();
    const q = await api<{ items: { signalId: string }[] }>(h, admin, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${bare}&after=${s.checkpoint}`);
    expect(q.status).toBe(200);
    expect(q.body.items.map((i) => i.signalId)).toEqual([s.signalId]);
    const mine = await api(h, s.member, 'GET', `/districts/${DISTRICT}/organisations/${s.organisationId}/signals/by-reference/${s.reference.slice(2)}?after=${s.checkpoint}`);
    expect(mine).toMatchObject({ status: 200, body: { signalId: s.signalId } });
  });
});
