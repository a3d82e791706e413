import type { Migration } from '@kapocs/platform/postgres';

/**
 * The inbox (in-app notifications) and the outbox (deliveries) live outside the projection's versioned tables: a
 * rebuild of the signal state must not forget what was already sent. The unique keys are the deduplication of
 * ADR-0010: one notification per (event, recipient), one delivery per (event, recipient, channel).
 */
export const notificationMigrations: readonly Migration[] = [
  {
    id: 'notification-0001-inbox-outbox',
    sql: (s) => `
      CREATE TABLE ${s}.notifications (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        recipient text NOT NULL,
        kind text NOT NULL,
        district text NOT NULL,
        signal_id text,
        params jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (event_id, recipient)
      );
      CREATE INDEX ON ${s}.notifications (recipient, created_at DESC, id);
      CREATE INDEX ON ${s}.notifications (recipient) WHERE read_at IS NULL;
      CREATE TABLE ${s}.deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        kind text NOT NULL,
        district text NOT NULL,
        signal_id text,
        params jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        event_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (event_id, recipient, channel)
      );
      CREATE INDEX ON ${s}.deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX ON ${s}.deliveries (updated_at DESC) WHERE status IN ('dead', 'not_configured');`,
  },

  {
    id: 'notification-0002-alert-checks',
    // One row per district: its match alerts are fetched from signals once signals has read this checkpoint.
    sql: (s) => `CREATE TABLE ${s}.alert_checks (district text PRIMARY KEY, checkpoint text NOT NULL)`,
  },
];

/** Committed outbox rows wake the dispatchers (NOTIFY is delivered on commit, to every replica). */
export const OUTBOX_CHANNEL = 'kapocs_notification_outbox';
/** Committed alert checks wake the alert follower. */
export const ALERTS_CHANNEL = 'kapocs_notification_alerts';
