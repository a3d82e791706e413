import type { Migration } from '@kapocs/platform/postgres';
import { appendFunctionsSql, appendFunctionsV2Sql } from './append-functions.sql.js';
import { singleStreamAppendSql } from './append-single-stream.sql.js';

/**
 * Tables of the event store (ADR-0002). `tx_id` + `position` give the global order readers can trust; the
 * triggers make the log append-only for every role that does not own the table's triggers.
 */
const tables: Migration = {
  id: 'event-store-0001-tables',
  sql: (s) => `
    CREATE TABLE ${s}.streams (
      stream_id text PRIMARY KEY,
      version bigint NOT NULL
    );
    CREATE TABLE ${s}.events (
      position bigint GENERATED ALWAYS AS IDENTITY,
      tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      event_id uuid NOT NULL UNIQUE,
      stream_id text NOT NULL,
      stream_version bigint NOT NULL,
      type text NOT NULL,
      schema_version int NOT NULL,
      district char(3) NOT NULL,
      data jsonb NOT NULL,
      personal jsonb,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stream_id, stream_version)
    );
    CREATE INDEX events_tx_position ON ${s}.events (tx_id, position);
    CREATE TABLE ${s}.subject_keys (
      subject_id text PRIMARY KEY,
      wrapped_key bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE FUNCTION ${s}.events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'KA405';
    END $$;
    CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON ${s}.events
      FOR EACH ROW EXECUTE FUNCTION ${s}.events_are_append_only();
    CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.events_are_append_only();
    CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON ${s}.streams
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.events_are_append_only();
  `,
};

const appendFunctions: Migration = { id: 'event-store-0002-append-functions', sql: appendFunctionsSql };
const conditionalLookup: Migration = { id: 'event-store-0003-conditional-prior-lookup', sql: appendFunctionsV2Sql };
const singleStream: Migration = { id: 'event-store-0004-single-stream-fast-path', sql: singleStreamAppendSql };

/** Run with `runMigrations(pool, schema, eventStoreMigrations)` before constructing a PostgresEventStore. */
export const eventStoreMigrations: readonly Migration[] = [tables, appendFunctions, conditionalLookup, singleStream];
