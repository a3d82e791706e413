import type pg from 'pg';
import { TailLoop } from '@kapocs/platform/bus';
import type { EventStore } from '@kapocs/platform/event-store';
import type { NotificationKind } from '@kapocs/notification/contracts';
import type { NotificationParams } from '../inbox/notify-rules.js';
import { organisationOf } from '../inbox/recipients.js';
import { backoffMs, type NotificationConfig } from '../notification.config.js';
import { OUTBOX_CHANNEL } from '../notification.migrations.js';
import { linkOf, statusMail } from '../templates/render.js';
import { errorCodeOf, type Mailer } from './mailer.js';
import { memberAddress } from './member-address.js';
import type { NotificationMetrics } from './notification-metrics.js';
import { listenToWake, type WakeListener } from '../listen-wake.js';

interface DeliveryRow {
  id: string;
  kind: NotificationKind;
  channel: string;
  recipient: string;
  signal_id: string | null;
  params: NotificationParams;
  attempts: number;
  event_at: Date;
}

export interface DispatcherOptions {
  readonly pool: pg.Pool;
  /** Quoted `schema.deliveries`. */
  readonly deliveries: string;
  readonly store: EventStore;
  /** Undefined without `SMTP_URL`: deliveries are then recorded as `not_configured`. */
  readonly mailer: Mailer | undefined;
  readonly config: NotificationConfig;
  readonly metrics: NotificationMetrics;
  readonly onError: (e: unknown) => void;
}

/** A claimed delivery that is not finished within this time (a crash mid-send) is claimed again: at least once. */
const LEASE_MS = 300_000;
const CLAIM = 20;

/**
 * Works the outbox: claims due deliveries (SKIP LOCKED, so replicas share the work), sends, and records the outcome;
 * a failure is retried with exponential backoff, and after `maxAttempts` the delivery is a dead letter for the
 * operator. Pending rows survive a restart; the deterministic Message-ID lets a receiver drop the rare resend.
 */
export class OutboxDispatcher {
  private readonly loop: TailLoop;
  private listener: WakeListener | undefined;

  constructor(private readonly o: DispatcherOptions) {
    this.loop = new TailLoop({ step: () => this.step(), maxDelayMs: 1000, onError: o.onError });
  }

  async start(): Promise<void> {
    this.listener = await listenToWake(this.o.pool, OUTBOX_CHANNEL, () => this.loop.wake(), this.o.onError);
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.listener?.stop();
    this.listener = undefined;
    this.o.mailer?.close();
  }

  wake(): void {
    this.loop.wake();
  }

  private async step(): Promise<boolean> {
    const t = this.o.deliveries;
    const { rows } = await this.o.pool.query<DeliveryRow>(
      `UPDATE ${t} SET attempts = attempts + 1, locked_until = now() + $1 * interval '1 millisecond', updated_at = now()
       WHERE id IN (SELECT id FROM ${t} WHERE status = 'pending' AND next_attempt_at <= now() - $3 * interval '1 millisecond'
                      AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, channel, recipient, signal_id, params, attempts, event_at`,
      // Without SMTP, wait a little: a replica that has SMTP sends it meanwhile (rolling config changes).
      [LEASE_MS, CLAIM, this.o.mailer ? 0 : this.o.config.unconfiguredGraceMs],
    );
    // Per claim: one read of each member's address however many of its mails are due, and one statement marking
    // the sent ones (a crash before it resends them: at least once, as before, with the same Message-ID).
    const addresses = new Map<string, Promise<string | undefined>>();
    const sent: DeliveryRow[] = [];
    await Promise.all(rows.map((r) => this.deliver(r, addresses, sent).catch(this.o.onError)));
    if (sent.length > 0) {
      await this.o.pool.query(`UPDATE ${t} SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`, [
        sent.map((r) => r.id),
      ]);
      for (const r of sent) this.o.metrics.delivered(r.channel, r.kind, r.event_at);
    }
    return rows.length === CLAIM;
  }

  private async deliver(r: DeliveryRow, addresses: Map<string, Promise<string | undefined>>, sent: DeliveryRow[]): Promise<void> {
    const { mailer, store, config } = this.o;
    if (!mailer) return this.giveUp(r, 'not_configured', 'SMTP_NOT_CONFIGURED');
    const organisationId = organisationOf(r.recipient);
    let to: string | undefined;
    try {
      if (organisationId && !addresses.has(organisationId)) addresses.set(organisationId, memberAddress(store, organisationId));
      to = organisationId ? await addresses.get(organisationId) : undefined;
    } catch (e) {
      return this.failed(r, e);
    }
    if (!to) return this.giveUp(r, 'dead', 'NO_ADDRESS');
    try {
      await mailer.send(to, statusMail(r.params, `${config.publicUrl}${linkOf(r.recipient, r.signal_id)}`), `<${r.id}@notification.kapocs>`);
    } catch (e) {
      return this.failed(r, e);
    }
    sent.push(r);
  }

  /** Another attempt after the backoff, or a dead letter after the last one. */
  private async failed(r: DeliveryRow, e: unknown): Promise<void> {
    this.o.metrics.failed(r.channel, r.kind);
    if (r.attempts >= this.o.config.maxAttempts) return this.giveUp(r, 'dead', errorCodeOf(e));
    await this.o.pool.query(
      `UPDATE ${this.o.deliveries} SET next_attempt_at = now() + $2 * interval '1 millisecond', locked_until = NULL, last_error = $3, updated_at = now() WHERE id = $1`,
      [r.id, backoffMs(this.o.config, r.attempts), errorCodeOf(e)],
    );
  }

  private async giveUp(r: DeliveryRow, status: 'dead' | 'not_configured', code: string): Promise<void> {
    await this.o.pool.query(
      `UPDATE ${this.o.deliveries} SET status = $2, attempts = CASE WHEN $2 = 'not_configured' THEN 0 ELSE attempts END, locked_until = NULL, last_error = $3, updated_at = now() WHERE id = $1`,
      [r.id, status, code],
    );
    this.o.metrics.dead(r.channel, r.kind, status === 'dead' ? (code === 'NO_ADDRESS' ? 'no_address' : 'failed') : status);
  }
}
