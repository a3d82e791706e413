import type { FeedbackStatus } from '@kapocs/signals/contracts';

/** What an in-app notification or e-mail is about. */
export const NOTIFICATION_KINDS = ['signal_status', 'signal_assigned', 'match_alert', 'signal_escalated'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Language = 'hu' | 'en';

export interface ListNotificationsQuery {
  readonly unread?: boolean;
  readonly limit?: number;
  /** Cursor from the previous page's `next`. */
  readonly before?: string;
  readonly lang?: Language;
}

/** One in-app notification, its texts rendered in the caller's language. Never the family's details. */
export interface NotificationItem {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly text: string;
  readonly reference?: string;
  readonly signalId?: string;
  readonly status?: FeedbackStatus;
  /** Path inside the web app. */
  readonly link: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NotificationList {
  readonly items: readonly NotificationItem[];
  /** Unread notifications of the caller in all. */
  readonly unread: number;
  readonly next: string | null;
}

export interface MarkReadCommand {
  /** One notification, or every unread one of the caller when absent. */
  readonly id?: string;
}
export interface MarkedRead {
  readonly id: string;
  readonly readAt: string;
}
export interface MarkedAllRead {
  readonly marked: number;
}

/** `dead`: given up after the attempts; `not_configured`: no SMTP server set (SMTP_URL), recorded, not dropped. */
export type DeadLetterStatus = 'dead' | 'not_configured';

export interface DeadLettersQuery {
  readonly lang?: Language;
  readonly limit?: number;
}
/** An e-mail that did not go out. No address or name: the operator sees codes and ids only. */
export interface DeadLetter {
  readonly id: string;
  readonly channel: 'email';
  readonly kind: NotificationKind;
  readonly eventType: string;
  readonly reference?: string;
  readonly status: DeadLetterStatus;
  readonly attempts: number;
  /** SMTP reply code and error code only (a server's text may quote the address). */
  readonly lastError: string | null;
  /** Why, for people: "nincs SMTP beállítva", "a kézbesítés végleg sikertelen"… */
  readonly reason: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
export interface DeadLetters {
  readonly items: readonly DeadLetter[];
}

export interface RetryDeadLetterCommand {
  readonly id: string;
}
export interface RetryQueued {
  readonly id: string;
  readonly status: 'pending';
}
