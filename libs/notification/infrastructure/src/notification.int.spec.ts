import { randomUUID } from 'node:crypto';
import type { DeadLetters, NotificationItem, NotificationList } from '@kapocs/notification/contracts';
import { waitFor } from '@kapocs/platform/bus';
import { SIGNAL_MEASURE_RECORDED, signalStreamId } from '@kapocs/signals/contracts';
import type { RecordedEvent } from '@kapocs/platform/event-store';
import { withTransaction } from '@kapocs/platform/postgres';
import { PG_POOL } from '@kapocs/shared/kernel';
import type { Pool } from 'pg';
import type { EscalationScanner } from './inbox/escalation-scanner.js';
import { notifyProjection } from './inbox/notify.projection.js';
import { ESCALATION_SCANNER } from './notification.tokens.js';
import { api, DISTRICT, ifMatch, key, type Member, type NotificationHarness, PUBLIC_URL, registerMember, SECRETS, SITE, startNotificationHarness, submit, today } from './test/notification-harness.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './test/smtp-sink.js';

const staffPath = (signalId: string) => `/districts/${DISTRICT}/settlements/${SITE}/signals/${signalId}`;

describe('notifications through the gateway, over NATS, on PostgreSQL, to a real SMTP server', () => {
  let smtp: SmtpSink;
  let h: NotificationHarness;
  let admin: string;
  let operator: string;
  let pool: Pool;
  const env = { ...process.env };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    Object.assign(process.env, { NOTIFY_RETRY_BASE_MS: '20', NOTIFY_RETRY_MAX_MS: '200', NOTIFY_MAX_ATTEMPTS: '3' });
    h = await startNotificationHarness(smtp.url);
    admin = await h.token('district_worker');
    operator = await h.token('operator');
    pool = h.platform.app.get<Pool>(PG_POOL);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
    process.env = env;
  });

  const mailsOf = (m: Member, reference: string): ReceivedMail[] => smtp.mails.filter((x) => x.to === m.email && x.subject.includes(reference));
  async function mailArrives(m: Member, reference: string, subject: string): Promise<ReceivedMail> {
    await waitFor(() => mailsOf(m, reference).some((x) => x.subject.includes(subject)), { what: `e-mail "${subject}"` });
    return mailsOf(m, reference).find((x) => x.subject.includes(subject)) as ReceivedMail;
  }
  const inbox = (token: string, headers: Record<string, string> = {}) => api<NotificationList>(h, token, 'GET', '/notifications', undefined, headers);

  it('tells the member of a portal signal and of a measure, in-app and by e-mail, without a word about the family', async () => {
    const m = await registerMember(h, admin);
    const s = await submit(h, m);
    const received = await mailArrives(m, s.reference, 'beérkezett');
    expect(received.subject).toBe(`Jelzés ${s.reference}: beérkezett`);

    const path = staffPath(s.signalId);
    expect((await api(h, admin, 'POST', `${path}/assignment`, { workerId: 'worker-131' }, ifMatch(0))).status).toBe(200);
    expect((await api(h, admin, 'POST', `${path}/measures`, { kind: 'FAMILY_VISIT', date: today(), note: 'A lakás rendezetlen.' }, ifMatch(1))).status).toBe(200);
    const measure = await mailArrives(m, s.reference, 'intézkedés történt');
    expect(measure.text).toContain(s.reference);
    expect(measure.text).toContain(`${PUBLIC_URL}/portal/signals/${s.signalId}`);
    expect(measure.html).toContain(s.reference);
    for (const mail of mailsOf(m, s.reference)) {
      for (const secret of [...Object.values(SECRETS), 'Pistike', 'lakás', 'worker-131', 'FAMILY_VISIT', 'Tanár']) {
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
      }
    }

    // In-app: the organisation's portal user sees every status of its signal, newest first.
    await waitFor(async () => (await inbox(m.member)).body.items?.some((i) => i.status === 'measures_taken'), { what: 'in-app measure notification' });
    const list = await inbox(m.member);
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((i) => i.reference === s.reference);
    expect(mine.map((i) => i.status)).toEqual(['measures_taken', 'being_handled', 'received']);
    expect(mine[0]).toMatchObject({ kind: 'signal_status', title: `Jelzés ${s.reference}: intézkedés történt`, link: `/portal/signals/${s.signalId}`, readAt: null });
    for (const secret of Object.values(SECRETS)) expect(JSON.stringify(list.body)).not.toContain(secret);
    expect((await inbox(m.member, { 'accept-language': 'en' })).body.items[0]?.title).toBe(`Signal ${s.reference}: measures taken`);

    // Marking read is the caller's own and idempotent; another organisation neither sees nor marks it.
    const first = mine[0] as NotificationItem;
    const read = await api(h, m.member, 'POST', `/notifications/${first.id}/read`);
    expect(read).toMatchObject({ status: 200, body: { id: first.id } });
    expect((await api(h, m.member, 'POST', `/notifications/${first.id}/read`)).body['readAt']).toBe(read.body['readAt']);
    expect((await inbox(m.member)).body.unread).toBe(list.body.unread - 1);
    const other = await registerMember(h, admin);
    expect((await inbox(other.member)).body.items.filter((i) => i.reference === s.reference)).toEqual([]);
    expect(await api(h, other.member, 'POST', `/notifications/${mine[1]?.id}/read`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    // The assignee hears of the assignment; the staff member who assigned does not.
    const assignee = await h.token('settlement_worker', { sub: 'worker-131', settlements: [SITE] });
    await waitFor(async () => (await inbox(assignee)).body.items.some((i) => i.kind === 'signal_assigned' && i.reference === s.reference), { what: 'assignment notification' });
    expect((await inbox(admin)).body.items.filter((i) => i.reference === s.reference)).toEqual([]);
  });

  /** Hands `event` to the notification projection again, as a redelivery would, with the state in `stateSchema`. */
  async function redeliver(event: RecordedEvent, stateSchema: string): Promise<void> {
    const def = notifyProjection({ notifications: '"notification".notifications', deliveries: '"notification".deliveries', alertChecks: '"notification".alert_checks', maxEventAgeMs: 3_600_000 });
    await withTransaction(pool, (client) => def.handleBatch(client, [event], { table: (b) => `"${stateSchema}"."${b}_v${def.version}"`, version: def.version, rebuilding: false }));
  }

  it('sends no second e-mail when an event is handled again, by the state or by the (event, recipient, channel) key', async () => {
    const m = await registerMember(h, admin);
    const s = await submit(h, m);
    const path = staffPath(s.signalId);
    expect((await api(h, admin, 'POST', `${path}/measures`, { kind: 'FIRST_CONTACT', date: today() }, ifMatch(0))).status).toBe(200);
    await mailArrives(m, s.reference, 'intézkedés történt');
    const events: RecordedEvent[] = [];
    for await (const e of h.store.readStream(signalStreamId(s.signalId))) events.push(e);

    // Again through the live state, then through an empty state that takes every event for new: only the unique keys stop it.
    for (const e of events) await redeliver(e, 'notification');
    const scratch = `notification_replay_${randomUUID().slice(0, 8)}`;
    const def = notifyProjection({ notifications: '', deliveries: '', alertChecks: '', maxEventAgeMs: 1 });
    await pool.query(`CREATE SCHEMA "${scratch}"`);
    try {
      for (const ddl of def.migrations((b) => `"${scratch}"."${b}_v${def.version}"`)) await pool.query(ddl);
      for (const e of events) await redeliver(e, scratch);
    } finally {
      await pool.query(`DROP SCHEMA "${scratch}" CASCADE`);
    }
    const measureEvent = events.find((e) => e.type === SIGNAL_MEASURE_RECORDED) as RecordedEvent;
    const rows = await pool.query(`SELECT count(*)::int AS n FROM notification.deliveries WHERE event_id = $1`, [measureEvent.id]);
    expect(rows.rows[0]).toEqual({ n: 1 });

    // A later status change is the marker: once its e-mail is in, an earlier resend would have arrived before it.
    expect((await api(h, admin, 'POST', `${path}/measures`, { kind: 'CLOSED_HANDLED', date: today() }, ifMatch(1))).status).toBe(200);
    await mailArrives(m, s.reference, 'lezárva');
    expect(mailsOf(m, s.reference).map((x) => x.subject.split(': ')[1]).sort()).toEqual(['beérkezett', 'intézkedés történt', 'lezárva']);
  });

  it('retries a refused delivery with backoff and delivers it once', async () => {
    const m = await registerMember(h, admin);
    smtp.behave(m.email, { refuse: 'times', times: 2 });
    const s = await submit(h, m);
    await mailArrives(m, s.reference, 'beérkezett');
    expect(smtp.attempts.get(m.email)).toBe(3);
    // The server has the message before the dispatcher records the outcome.
    const row = () => pool.query(`SELECT status, attempts, sent_at IS NOT NULL AS sent FROM notification.deliveries WHERE recipient = $1`, [`org:${m.organisationId}`]);
    await waitFor(async () => (await row()).rows[0]?.status !== 'pending', { what: 'delivery recorded' });
    expect((await row()).rows).toEqual([{ status: 'sent', attempts: 3, sent: true }]);

    expect((await api(h, admin, 'POST', `${staffPath(s.signalId)}/assignment`, { workerId: 'w-131' }, ifMatch(0))).status).toBe(200);
    await mailArrives(m, s.reference, 'feldolgozás alatt');
    expect(mailsOf(m, s.reference).filter((x) => x.subject.includes('beérkezett'))).toHaveLength(1);
  });

  it('gives up after the attempts: a dead letter only the operator sees, and its retry delivers', async () => {
    const m = await registerMember(h, admin);
    smtp.behave(m.email, { refuse: 'always' });
    const s = await submit(h, m);
    const deadLetter = async () => (await api<DeadLetters>(h, operator, 'GET', '/operator/notifications/dead-letters')).body.items.find((i) => i.reference === s.reference);
    await waitFor(async () => (await deadLetter()) !== undefined, { what: 'dead letter' });
    const dead = await deadLetter();
    expect(dead).toMatchObject({ status: 'dead', kind: 'signal_status', channel: 'email', eventType: 'signals.SignalSubmitted', attempts: 3, reason: 'a kézbesítés többszöri próbálkozás után sem sikerült' });
    expect(dead?.lastError).toContain('550');
    expect(smtp.attempts.get(m.email)).toBe(3);
    const view = await api(h, operator, 'GET', '/operator/notifications/dead-letters');
    expect(JSON.stringify(view.body)).not.toContain(m.email);

    for (const role of ['district_worker', 'head', 'signal_member'] as const) {
      const token = role === 'signal_member' ? m.member : await h.token(role);
      expect(await api(h, token, 'GET', '/operator/notifications/dead-letters')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await api(h, token, 'POST', `/operator/notifications/dead-letters/${dead?.id}/retry`)).status).toBe(403);
    }
    expect((await api(h, operator, 'POST', `/operator/notifications/dead-letters/${randomUUID()}/retry`)).status).toBe(404);

    smtp.behave(m.email, { refuse: 'never' });
    expect(await api(h, operator, 'POST', `/operator/notifications/dead-letters/${dead?.id}/retry`, undefined, key())).toMatchObject({ status: 202, body: { id: dead?.id, status: 'pending' } });
    await mailArrives(m, s.reference, 'beérkezett');
    expect(await deadLetter()).toBeUndefined();
    expect(mailsOf(m, s.reference)).toHaveLength(1);
  });

  it('alerts both handlers when a second signal about the same client is linked, and no signaller', async () => {
    const [a, b] = [await registerMember(h, admin), await registerMember(h, admin)];
    const [sa, sb] = [await submit(h, a), await submit(h, b)];
    const details = { name: 'Egyező Panna', mothersName: 'Egyező Ilona', birthPlace: 'Farmos', birthDate: '2014-02-03', sex: '2', citizenship: 'HU', residenceSettlement: SITE, residenceAddress: 'Fő utca 9.' };
    const client = await api(h, admin, 'POST', `/districts/${DISTRICT}/settlements/${SITE}/clients`, { details, acknowledgeDuplicates: true }, key());
    expect(client.status).toBe(201);
    const [wa, wb] = [`wa-${randomUUID().slice(0, 6)}`, `wb-${randomUUID().slice(0, 6)}`];
    expect((await api(h, admin, 'POST', `${staffPath(sa.signalId)}/assignment`, { workerId: wa }, ifMatch(0))).status).toBe(200);
    expect((await api(h, admin, 'POST', `${staffPath(sb.signalId)}/assignment`, { workerId: wb }, ifMatch(0))).status).toBe(200);
    expect((await api(h, admin, 'POST', `${staffPath(sa.signalId)}/client-link`, { clientId: client.body['clientId'] }, ifMatch(1))).status).toBe(200);
    expect((await api(h, admin, 'POST', `${staffPath(sb.signalId)}/client-link`, { clientId: client.body['clientId'] }, ifMatch(1))).status).toBe(200);

    const [tokenA, tokenB] = [await h.token('settlement_worker', { sub: wa, settlements: [SITE] }), await h.token('settlement_worker', { sub: wb, settlements: [SITE] })];
    const alerts = async (token: string) => (await inbox(token)).body.items.filter((i) => i.kind === 'match_alert');
    await waitFor(async () => (await alerts(tokenA)).length > 0 && (await alerts(tokenB)).length > 0, { what: 'match alerts' });
    expect((await alerts(tokenA)).map((i) => i.reference)).toEqual([sa.reference]);
    expect((await alerts(tokenB))[0]).toMatchObject({ reference: sb.reference, title: `Egyezésjelzés: ${sb.reference}`, text: 'A jelzés érintettjéről korábban már érkezett jelzés.', link: `/signals/${sb.signalId}` });
    // The signallers hear of status only, never of each other.
    for (const m of [a, b]) expect((await inbox(m.member)).body.items.map((i) => i.kind)).not.toContain('match_alert');
    expect(JSON.stringify(smtp.mails.filter((x) => x.to === a.email || x.to === b.email))).not.toMatch(/Egyez|Panna/);
  });

  it('alerts the handler of an earlier signal when a new one names the same person, before any linking', async () => {
    const subject = { name: `Azonos Bence ${randomUUID().slice(0, 6)}`, birthDate: '2013-05-06' };
    const sa = await submit(h, await registerMember(h, admin), subject);
    const wa = `wi-${randomUUID().slice(0, 6)}`;
    expect((await api(h, admin, 'POST', `${staffPath(sa.signalId)}/assignment`, { workerId: wa }, ifMatch(0))).status).toBe(200);
    const other = await registerMember(h, admin);
    await submit(h, other, subject);
    const tokenA = await h.token('settlement_worker', { sub: wa, settlements: [SITE] });
    await waitFor(async () => (await inbox(tokenA)).body.items.some((i) => i.kind === 'match_alert'), { what: 'identity match alert' });
    expect((await inbox(tokenA)).body.items.filter((i) => i.kind === 'match_alert').map((i) => i.reference)).toEqual([sa.reference]);
    expect((await inbox(other.member)).body.items.map((i) => i.kind)).toEqual(['signal_status']);
  });

  it('escalates an overdue signal to the heads of the district, once per missed deadline', async () => {
    const m = await registerMember(h, admin);
    const s = await submit(h, m);
    const scanner = h.platform.app.get<EscalationScanner>(ESCALATION_SCANNER, { strict: false });
    const head = await h.token('head');
    const escalated = async (token: string) => (await inbox(token)).body.items.filter((i) => i.kind === 'signal_escalated' && i.reference === s.reference);
    // The queue reads its own projection: wait until it lists the signal before asking it about deadlines.
    await waitFor(async () => (await api<{ items: { signalId: string }[] }>(h, admin, 'GET', `/districts/${DISTRICT}/signal-queue?reference=${s.reference}`)).body.items?.length === 1, { what: 'queued' });

    await scanner.scan({ today: today(), districts: [DISTRICT] });
    expect(await escalated(head)).toEqual([]);
    await scanner.scan({ today: '2099-01-01', districts: [DISTRICT] });
    expect(await escalated(head)).toEqual([expect.objectContaining({ title: `Határidőn túli jelzés: ${s.reference}`, signalId: s.signalId })]);
    await scanner.scan({ today: '2099-01-01', districts: [DISTRICT] });
    expect(await escalated(head)).toHaveLength(1);
    expect(await escalated(admin)).toEqual([]);
    expect(await escalated(m.member)).toEqual([]);
  });
});
