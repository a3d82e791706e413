import {
  encodeCheckpoint,
  type OpenedPersonal,
  type RecordedEvent,
  type SealedPersonal,
  upcast,
  type UpcasterRegistry,
} from '@kapocs/platform/event-store';
import type { EventMetadata } from '@kapocs/shared/kernel';

/** Columns every read selects; int8 and xid8 as text so that no pool-wide type parser can make them lossy. */
export const EVENT_COLUMNS = `e.position::text AS position, e.tx_id::text AS tx, e.event_id::text AS id, e.stream_id,
  e.stream_version::text AS stream_version, e.type, e.schema_version, e.data, e.personal, e.metadata, e.recorded_at`;

export interface EventRow {
  readonly position: string;
  readonly tx: string;
  readonly id: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly personal: SealedPersonal | null;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

export function toRecordedEvent(
  row: EventRow,
  personal: OpenedPersonal | undefined,
  upcasters: UpcasterRegistry | undefined,
): RecordedEvent {
  const up = upcast(upcasters, row.type, row.schema_version, row.data);
  const position = BigInt(row.position);
  return {
    id: row.id,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    position,
    checkpoint: encodeCheckpoint(BigInt(row.tx), position),
    type: row.type,
    schemaVersion: up.schemaVersion,
    data: up.data,
    personal: personal ?? {},
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
  };
}
