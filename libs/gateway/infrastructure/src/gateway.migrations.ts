import type { Migration } from '@kapocs/platform/postgres';

/** The gateway's own tables; the runtime applies them to `GatewayConfig.schemas.gateway`. */
export const gatewayMigrations: readonly Migration[] = [
  {
    id: 'gateway-0001-idempotency-keys',
    sql: (s) => `
      CREATE TABLE ${s}.idempotency_keys (
        actor text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      );
      CREATE INDEX idempotency_keys_created_at ON ${s}.idempotency_keys (created_at);`,
  },
  {
    // Encrypted attachment blobs of signals; their keys are in the signals' events (ADR-0008 amendment).
    id: 'gateway-signals-0001-attachment-blobs',
    sql: (s) => `
      CREATE TABLE ${s}.signal_attachment_blobs (
        attachment_id text PRIMARY KEY,
        blob bytea NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    // Abuse protection of the public signal form: token buckets per client address, spent proof-of-work challenges.
    id: 'gateway-signals-0002-public-form',
    sql: (s) => `
      CREATE TABLE ${s}.public_rate_buckets (
        bucket text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX public_rate_buckets_updated_at ON ${s}.public_rate_buckets (updated_at);
      CREATE TABLE ${s}.public_signal_proofs (
        challenge_id text PRIMARY KEY,
        signal_id text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX public_signal_proofs_expires_at ON ${s}.public_signal_proofs (expires_at);`,
  },
];
