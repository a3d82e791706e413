import {
  type AppendRequest,
  type AppendResult,
  DuplicateEventIdError,
  encodeCheckpoint,
  formatExpectedVersion,
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

export const APPEND_SQL = (s: string): string =>
  `SELECT res_status, res_next_version::text AS next_version, res_positions::text[] AS positions, res_tx AS tx
   FROM ${s}.append_many($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::text[],
     $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::boolean)`;

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
