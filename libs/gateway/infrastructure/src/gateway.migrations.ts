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
];
