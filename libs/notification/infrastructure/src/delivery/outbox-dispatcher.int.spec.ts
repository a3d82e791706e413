import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { MEMBER_REGISTERED, memberStreamId } from '@kapocs/signals/contracts';
import { waitFor } from '@kapocs/platform/bus';
import { type EventStore, InMemoryEventStore, type ReadStreamOptions } from '@kapocs/platform/event-store';
import { quoteIdent, runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import type { DistrictCode } from '@kapocs/shared/kernel';
import { NotificationQueries } from '../inbox/notification.queries.js';
import { notificationConfigOf } from '../notification.config.js';
import { notificationMigrations } from '../notification.migrations.js';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.js';
import { OutboxDispatcher } from './dispatcher.js';
import { smtpMailer } from './mailer.js';
import { NotificationMetrics } from './notification-metrics.js';

describe('the outbox dispatcher on PostgreSQL and a real SMTP server', () => {
  let db: TestDatabase;
  let smtp: SmtpSink;
  let tables: { notifications: string; deliveries: string };
  const store = new InMemoryEventStore();
  const registry = new Registry();
  const metrics = new NotificationMetrics(registry);
  const config = notificationConfigOf({ publicUrl: 'https://kapocs.example' }, { NOTIFY_RETRY_BASE_MS: '20', NOTIFY_MAX_ATTEMPTS: '2', NOTIFY_UNCONFIGURED_GRACE_MS: '0' });
  const running: OutboxDispatcher[] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('notify');
    smtp = await startSmtpSink();
    await runMigrations(db.pool, db.schema, notificationMigrations);
    tables = { notifications: `${quoteIdent(db.schema)}.notifications`, deliveries: `${quoteIdent(db.schema)}.deliveries` };
  });
  afterEach(async () => {
    for (const d of running.splice(0)) await d.stop();
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await db.drop();
    await smtp.close();
  });

  async function member(email: string): Promise<string> {
    const organisationId = randomUUID();
    const meta = { actor: { userId: 'admin', role: 'district_worker' as const }, district: '131' as DistrictCode, correlationId: randomUUID() };
    const data = { organisationId, district: '131', settlements: ['09122'], category: 'SCHOOL', name: 'Farmosi Iskola', registeredOn: '2026-11-25', portalUserIds: [] };
    await store.append(memberStreamId(organisationId), 'no_stream', [
      { id: randomUUID(), type: MEMBER_REGISTERED, schemaVersion: 1, data, personal: { [organisationId]: { contactPerson: { name: 'Kovács Anna', email }, portalUsers: [] } }, metadata: meta },
    ]);
    return organisationId;
  }

  async function queue(organisationId: string, reference: string, extra: { lockedUntil?: string; dueAgoMs?: number } = {}): Promise<string> {
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO ${tables.deliveries} (id, event_id, event_type, recipient, channel, kind, district, signal_id, params, event_at, locked_until, next_attempt_at)
       VALUES ($1, $2, 'signals.SignalSubmitted', $3, 'email', 'signal_status', '131', $4, $5, now(), $6, now() - $7 * interval '1 millisecond')`,
      [id, randomUUID(), `org:${organisationId}`, randomUUID(), { reference, status: 'received' }, extra.lockedUntil ?? null, extra.dueAgoMs ?? 0],
    );
    return id;
  }

  async function start(withSmtp: boolean, c = config, from: EventStore = store): Promise<OutboxDispatcher> {
    const d = new OutboxDispatcher({ pool: db.pool, deliveries: tables.deliveries, store: from, mailer: withSmtp ? smtpMailer(smtp.url, 'noreply@kapocs.example') : undefined, config: c, metrics, onError: (e) => errors.push(e) });
    running.push(d);
    await d.start();
    return d;
  }

  const statusOf = async (id: string): Promise<string | undefined> => (await db.pool.query<{ status: string }>(`SELECT status FROM ${tables.deliveries} WHERE id = $1`, [id])).rows[0]?.status;
  const metric = async (name: string): Promise<string> => (await registry.getSingleMetricAsString(name));

  it('without SMTP records the e-mail as not sent, for the operator to see and retry once SMTP is there', async () => {
    const email = `titkar-${randomUUID().slice(0, 8)}@ovoda.example`;
    const id = await queue(await member(email), 'J-AAAAA-BBBBB');
    await start(false);
    await waitFor(async () => (await statusOf(id)) === 'not_configured', { what: 'not_configured' });
    const queries = new NotificationQueries(db.pool, tables);
    const letter = (await queries.deadLetters('hu', 50)).items.find((i) => i.id === id);
    expect(letter).toMatchObject({ status: 'not_configured', reason: 'nincs SMTP beállítva', attempts: 0, reference: 'J-AAAAA-BBBBB', lastError: 'SMTP_NOT_CONFIGURED' });
    expect((await queries.deadLetters('en', 50)).items.find((i) => i.id === id)?.reason).toBe('no SMTP server configured');
    expect(smtp.mails.filter((m) => m.to === email)).toEqual([]);

    // A restart with SMTP configured, and the operator's retry.
    for (const d of running.splice(0)) await d.stop();
    await start(true);
    expect(await queries.retry(id)).toEqual({ id, status: 'pending' });
    await waitFor(() => smtp.mails.some((m) => m.to === email), { what: 'e-mail after retry' });
    await waitFor(async () => (await statusOf(id)) === 'sent', { what: 'sent' });
    expect(smtp.mails.find((m) => m.to === email)?.messageId).toBe(`<${id}@notification.kapocs>`);
  });

  it('without SMTP leaves a fresh delivery to a replica that has SMTP for a grace period', async () => {
    const organisationId = await member(`grace-${randomUUID().slice(0, 8)}@iskola.example`);
    const fresh = await queue(organisationId, 'J-FRESH-00000');
    const old = await queue(organisationId, 'J-OLDER-00000', { dueAgoMs: 120_000 });
    await start(false, { ...config, unconfiguredGraceMs: 60_000 });
    // Both rows were there before the first claim, so the claim that took the old one passed the fresh one over.
    await waitFor(async () => (await statusOf(old)) === 'not_configured', { what: 'old row not_configured' });
    expect(await statusOf(fresh)).toBe('pending');
    await db.pool.query(`DELETE FROM ${tables.deliveries} WHERE id = $1`, [fresh]);
  });

  it('resumes after a restart: queued deliveries, and one claimed by a process that died, go out once', async () => {
    const email = `vedono-${randomUUID().slice(0, 8)}@egeszseg.example`;
    const organisationId = await member(email);
    const queued = await queue(organisationId, 'J-CCCCC-DDDDD');
    const orphan = await queue(organisationId, 'J-EEEEE-FFFFF', { lockedUntil: new Date(Date.now() - 1000).toISOString() });
    await start(true);
    await waitFor(async () => (await statusOf(queued)) === 'sent' && (await statusOf(orphan)) === 'sent', { what: 'both sent' });
    expect(smtp.mails.filter((m) => m.to === email).map((m) => m.subject).sort()).toEqual(['Jelzés J-CCCCC-DDDDD: beérkezett', 'Jelzés J-EEEEE-FFFFF: beérkezett']);
  });

  it('sends every due mail of a member in one claim, reading its address once and marking them all sent', async () => {
    const email = `igazgato-${randomUUID().slice(0, 8)}@iskola.example`;
    const organisationId = await member(email);
    const references = ['J-KKKKK-00001', 'J-KKKKK-00002', 'J-KKKKK-00003', 'J-KKKKK-00004'];
    const ids = await Promise.all(references.map((r) => queue(organisationId, r)));
    const reads: string[] = [];
    const counting: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (streamId: string, options?: ReadStreamOptions) => (reads.push(streamId), store.readStream(streamId, options)),
    });
    await start(true, config, counting);
    await waitFor(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'sent'), { what: 'all sent' });
    expect(smtp.mails.filter((m) => m.to === email).map((m) => m.subject).sort()).toEqual(references.map((r) => `Jelzés ${r}: beérkezett`));
    expect(reads.filter((id) => id === memberStreamId(organisationId))).toHaveLength(1);
  });

  it('gives up at once on a member without an address (shredded or never given)', async () => {
    const organisationId = await member(`kiesett-${randomUUID().slice(0, 8)}@iskola.example`);
    await store.shred(organisationId);
    const id = await queue(organisationId, 'J-GGGGG-HHHHH');
    await start(true);
    await waitFor(async () => (await statusOf(id)) === 'dead', { what: 'dead' });
    const letter = (await new NotificationQueries(db.pool, tables).deadLetters('hu', 50)).items.find((i) => i.id === id);
    expect(letter).toMatchObject({ lastError: 'NO_ADDRESS', reason: 'nincs e-mail cím megadva a tagszervezetnél', attempts: 1 });
  });

  it('has counted the deliveries above and dead letters by channel and kind only, and observes the latency', async () => {
    expect(await metric('kapocs_notification_deliveries_total')).toMatch(/kapocs_notification_deliveries_total\{channel="email",kind="signal_status"\} [1-9]/);
    expect(await metric('kapocs_notification_dead_letters_total')).toContain('reason="not_configured"');
    expect(await metric('kapocs_notification_delivery_seconds')).toMatch(/kapocs_notification_delivery_seconds_count\{channel="email",kind="signal_status"\} [1-9]/);
    for (const name of ['kapocs_notification_deliveries_total', 'kapocs_notification_dead_letters_total', 'kapocs_notification_delivery_seconds']) {
      expect(await metric(name)).not.toMatch(/@|org:|J-/);
    }
  });
});
