import type { Pool } from 'pg';
import type { DeadLetter, DeadLetters, Language, MarkedRead, NotificationItem, NotificationKind, NotificationList, RetryQueued } from '@kapocs/notification/contracts';
import type { FeedbackStatus } from '@kapocs/signals/contracts';
import { deadLetterReason, inAppText, linkOf } from '../templates/render.js';
import type { NotificationParams } from './notify-rules.js';

interface NotificationRow {
  id: string;
  recipient: string;
  kind: NotificationKind;
  signal_id: string | null;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}

interface DeadRow {
  id: string;
  kind: NotificationKind;
  event_type: string;
  params: NotificationParams;
  status: 'dead' | 'not_configured';
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** `<created_at ISO>_<id>`: keyset paging, newest first. */
const cursorOf = (r: NotificationRow): string => `${r.created_at.toISOString()}_${r.id}`;
const parseCursor = (c: string | undefined): [string, string] | undefined => {
  const m = c ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/.exec(c) : null;
  return m ? [m[1] as string, m[2] as string] : undefined;
};

/** Reads of the inbox and the outbox; every inbox read is limited to the caller's own addresses. */
export class NotificationQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: { readonly notifications: string; readonly deliveries: string },
  ) {}

  async list(recipients: readonly string[], q: { unread: boolean; limit: number; before?: string; lang: Language }): Promise<NotificationList> {
    const cursor = parseCursor(q.before);
    const { rows } = await this.pool.query<NotificationRow>(
      `SELECT id, recipient, kind, signal_id, params, created_at, read_at FROM ${this.t.notifications}
       WHERE recipient = ANY($1) AND ($2::boolean IS FALSE OR read_at IS NULL)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [recipients, q.unread, cursor?.[0] ?? null, cursor?.[1] ?? null, q.limit + 1],
    );
    const unread = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.t.notifications} WHERE recipient = ANY($1) AND read_at IS NULL`, [recipients]);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.item(r, q.lang)), unread: Number(unread.rows[0]?.n ?? 0), next: rows.length > q.limit && last ? cursorOf(last) : null };
  }

  private item(r: NotificationRow, lang: Language): NotificationItem {
    const { title, text } = inAppText(r.kind, r.params, lang);
    return {
      id: r.id,
      kind: r.kind,
      title,
      text,
      reference: r.params.reference,
      ...(r.signal_id ? { signalId: r.signal_id } : {}),
      ...(r.params.status ? { status: r.params.status as FeedbackStatus } : {}),
      link: linkOf(r.recipient, r.signal_id),
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    };
  }

  /** Undefined when the notification is not one of the caller's (indistinguishable from a missing one). */
  async markRead(recipients: readonly string[], id: string): Promise<MarkedRead | undefined> {
    const { rows } = await this.pool.query<{ id: string; read_at: Date }>(
      `UPDATE ${this.t.notifications} SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient = ANY($2) RETURNING id, read_at`,
      [id, recipients],
    );
    const r = rows[0];
    return r ? { id: r.id, readAt: r.read_at.toISOString() } : undefined;
  }

  async markAllRead(recipients: readonly string[]): Promise<number> {
    const r = await this.pool.query(`UPDATE ${this.t.notifications} SET read_at = now() WHERE recipient = ANY($1) AND read_at IS NULL`, [recipients]);
    return r.rowCount ?? 0;
  }

  async deadLetters(lang: Language, limit: number): Promise<DeadLetters> {
    const { rows } = await this.pool.query<DeadRow>(
      `SELECT id, kind, event_type, params, status, attempts, last_error, created_at, updated_at FROM ${this.t.deliveries}
       WHERE status IN ('dead', 'not_configured') ORDER BY updated_at DESC, id LIMIT $1`,
      [limit],
    );
    return { items: rows.map((r): DeadLetter => ({
      id: r.id,
      channel: 'email',
      kind: r.kind,
      eventType: r.event_type,
      reference: r.params.reference,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      reason: deadLetterReason(r.status === 'not_configured' ? 'not_configured' : r.last_error === 'NO_ADDRESS' ? 'no_address' : 'dead', lang),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })) };
  }

  /** Queues a dead letter again with fresh attempts; undefined when there is no such dead letter. */
  async retry(id: string): Promise<RetryQueued | undefined> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE ${this.t.deliveries} SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('dead', 'not_configured') RETURNING id`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, status: 'pending' } : undefined;
  }
}
