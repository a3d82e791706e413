import type { QueryConfig } from 'pg';
import {
  type AppendRequest,
  type AppendResult,
  DuplicateEventIdError,
  encodeCheckpoint,
  formatExpectedVersion,
  type NewEvent,
  type SealedPersonal,
  WrongExpectedVersionError,
} from '@kapocs/platform/event-store';

/** The parameters of `append_many`: per-stream arrays plus flat per-event arrays, streams sorted by id. */
export function appendParams(
  sorted: readonly AppendRequest[],
  sealed: ReadonlyMap<string, SealedPersonal | null>,
  checkFirst = false,
): unknown[] {
  const events = sorted.flatMap((r) => r.events);
  return [
    sorted.map((r) => r.streamId),
    sorted.map((r) => formatExpectedVersion(r.expectedVersion)),
    sorted.map((r) => r.events.length),
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    events.map((e) => e.metadata.district),
    events.map((e) => JSON.stringify(e.data ?? null)),
    events.map((e) => {
      const p = sealed.get(e.id);
      return p ? JSON.stringify(p) : null;
    }),
    events.map((e) => JSON.stringify(e.metadata)),
    checkFirst,
  ];
}

const RESULT_COLUMNS = `res_status, res_next_version::text AS next_version, res_positions::text[] AS positions,
  res_tx AS tx`;

export const APPEND_SQL = (s: string): string =>
  `SELECT ${RESULT_COLUMNS}
   FROM ${s}.append_many($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::text[],
     $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::boolean)`;

const APPEND_ONE_SQL = (s: string): string =>
  `SELECT ${RESULT_COLUMNS} FROM ${s}.append_one($1, $2, $3::uuid, $4, $5::int, $6::jsonb, $7::jsonb, $8::jsonb, $9)`;

const APPEND_EVENTS_SQL = (s: string): string =>
  `SELECT ${RESULT_COLUMNS} FROM ${s}.append_events($1, $2, $3::jsonb, $4)`;

/** The three append statements of one schema, named so that each connection parses and plans them once. */
export interface AppendStatements {
  readonly many: string;
  readonly one: string;
  readonly events: string;
  /** Statement-name prefix, unique per schema (a name must always denote the same text on a connection). */
  readonly prefix: string | undefined;
}

export const appendStatements = (quotedSchema: string, prefix: string | undefined): AppendStatements => ({
  many: APPEND_SQL(quotedSchema),
  one: APPEND_ONE_SQL(quotedSchema),
  events: APPEND_EVENTS_SQL(quotedSchema),
  prefix,
});

/**
 * The query for one append call: one stream goes to the single-stream functions of migration 0004, several to
 * `append_many` (one round trip either way).
 */
export function appendQuery(
  st: AppendStatements,
  sorted: readonly AppendRequest[],
  sealed: ReadonlyMap<string, SealedPersonal | null>,
  checkFirst = false,
): QueryConfig {
  const named = (kind: string, text: string, values: unknown[]): QueryConfig =>
    st.prefix ? { name: `${st.prefix}_${kind}`, text, values } : { text, values };
  if (sorted.length > 1) return named('many', st.many, appendParams(sorted, sealed, checkFirst));
  const req = sorted[0] as AppendRequest;
  const expected = formatExpectedVersion(req.expectedVersion);
  if (req.events.length === 1) {
    const e = req.events[0] as NewEvent;
    const p = sealed.get(e.id);
    return named('one', st.one, [
      req.streamId,
      expected,
      e.id,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data ?? null),
      p ? JSON.stringify(p) : null,
      JSON.stringify(e.metadata),
      checkFirst,
    ]);
  }
  const events = req.events.map((e) => ({
    id: e.id,
    type: e.type,
    sv: e.schemaVersion,
    data: e.data ?? null,
    // Absent rather than null: the column stays SQL NULL for events without personal data.
    personal: sealed.get(e.id) ?? undefined,
    metadata: e.metadata,
  }));
  return named('events', st.events, [req.streamId, expected, JSON.stringify(events), checkFirst]);
}

export interface AppendRow {
  readonly next_version: string;
  readonly positions: string[];
  readonly tx: string;
}

export const toAppendResult = (streamId: string, row: AppendRow): AppendResult => {
  const positions = row.positions.map((p) => BigInt(p));
  return {
    streamId,
    nextExpectedVersion: BigInt(row.next_version),
    positions,
    checkpoint: encodeCheckpoint(BigInt(row.tx), positions.at(-1) as bigint),
  };
};

/** Maps the function's KA409 rejection to the typed error of the stream that failed; anything else passes through. */
export function rejection(error: unknown, sorted: readonly AppendRequest[]): unknown {
  const e = error as { code?: string; detail?: string };
  if (e.code !== 'KA409' || !e.detail) return error;
  const { index, status, actual } = JSON.parse(e.detail) as { index: number; status: string; actual: string | null };
  const req = sorted[index] as AppendRequest;
  if (status === 'duplicate') return new DuplicateEventIdError(req.streamId, req.events.map((ev) => ev.id));
  return new WrongExpectedVersionError(req.streamId, req.expectedVersion, BigInt(actual ?? '-1'));
}

export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';
