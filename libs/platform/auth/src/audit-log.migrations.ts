import type { Migration } from '@kapocs/platform/postgres';

/**
 * The audit trail of personal-data reads (Szt. 22: the data subject may ask who saw their file). Append-only by
 * trigger, like the event store; `subject_id` is an opaque id, never a name.
 */
export const authMigrations: readonly Migration[] = [
  {
    id: 'auth-0001-audit-log',
    sql: (s) => `
      CREATE TABLE ${s}.audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id text NOT NULL,
        actor_role text NOT NULL,
        district char(3) NOT NULL,
        subject_id text NOT NULL,
        action text NOT NULL,
        purpose text NOT NULL,
        correlation_id text NOT NULL
      );
      CREATE INDEX audit_log_subject ON ${s}.audit_log (subject_id, id);
      CREATE FUNCTION ${s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON ${s}.audit_log
        FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${s}.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_log_append_only();`,
  },
];
