import type { PlatformConfig } from '@kapocs/platform/runtime';

/** How the notification service delivers (README lists the variables). */
export interface NotificationConfig {
  /** Unset: e-mails are recorded as not sent (`not_configured`) and shown to the operator, never dropped silently. */
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  /** Base URL of the web app, for the portal link in e-mails. */
  readonly publicUrl: string;
  /** SMTP attempts before a delivery becomes a dead letter. */
  readonly maxAttempts: number;
  /** Backoff before attempt n+1: base · 2^(n−1), at most `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Events older than this when first seen (history on a first deployment) notify no one. */
  readonly maxEventAgeMs: number;
  /** Without SMTP a delivery is marked `not_configured` this long after it was due, not at once. */
  readonly unconfiguredGraceMs: number;
  /** How often overdue signals are looked for (escalation to the head). */
  readonly escalationScanMs: number;
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

const nonNegative = (raw: string | undefined, fallback: number): number => (raw === '0' ? 0 : positive(raw, fallback));

export function notificationConfigOf(platform: Pick<PlatformConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'>, env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  return {
    ...(platform.smtpUrl ? { smtpUrl: platform.smtpUrl } : {}),
    mailFrom: platform.mailFrom ?? 'Kapocs <noreply@kapocs.local>',
    publicUrl: (platform.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    maxAttempts: Math.floor(positive(env['NOTIFY_MAX_ATTEMPTS'], 6)),
    retryBaseMs: positive(env['NOTIFY_RETRY_BASE_MS'], 2000),
    retryMaxMs: positive(env['NOTIFY_RETRY_MAX_MS'], 600_000),
    maxEventAgeMs: positive(env['NOTIFY_MAX_EVENT_AGE_MS'], 86_400_000),
    unconfiguredGraceMs: nonNegative(env['NOTIFY_UNCONFIGURED_GRACE_MS'], 10_000),
    escalationScanMs: positive(env['NOTIFY_ESCALATION_SCAN_MS'], 300_000),
  };
}

/** Delay before the next attempt after `attempts` failed ones. */
export const backoffMs = (c: Pick<NotificationConfig, 'retryBaseMs' | 'retryMaxMs'>, attempts: number): number =>
  Math.min(c.retryMaxMs, c.retryBaseMs * 2 ** Math.max(0, attempts - 1));
