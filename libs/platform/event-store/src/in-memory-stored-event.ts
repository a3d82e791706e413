import type { EventMetadata } from '@kapocs/shared/kernel';
import type { SealedPersonal } from './crypto/personal-data.js';
import type { AppendResult, Checkpoint } from './event-store.port.js';

/** An event as the in-memory store keeps it: personal data sealed, exactly as PostgreSQL would hold it. */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: bigint;
  readonly position: bigint;
  readonly checkpoint: Checkpoint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly personal: SealedPersonal | null;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

export const resultOf = (streamId: string, stored: readonly StoredEvent[]): AppendResult => {
  const last = stored.at(-1) as StoredEvent;
  return {
    streamId,
    nextExpectedVersion: last.streamVersion,
    positions: stored.map((s) => s.position),
    checkpoint: last.checkpoint,
  };
};
