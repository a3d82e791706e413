import type { EventMetadata } from '@kapocs/shared/kernel';

/** `any` skips the check; `no_stream` requires a new stream; `stream_exists` an existing one; a bigint the exact version. */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * Personal data of one data subject inside an event: encrypted at rest and on the bus with that subject's own key,
 * unreadable forever after `shred(subjectId)` (DESIGN.md §5, crypto-shredding).
 */
export type PersonalData = Readonly<Record<string, unknown>>;

/** What readers get in place of the personal data of a shredded subject. */
export const REDACTED = Object.freeze({ __redacted: true as const });
export type Redacted = typeof REDACTED;
export const isRedacted = (v: unknown): v is Redacted =>
  typeof v === 'object' && v !== null && (v as { __redacted?: unknown }).__redacted === true;

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID chosen by the caller: a retry with the same ids returns the original result (idempotent append). */
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  /** Non-personal data: stays readable forever. */
  readonly data: Data;
  /** Personal data keyed by data-subject id; each entry encrypted with that subject's key. */
  readonly personal?: Readonly<Record<string, PersonalData>>;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly streamId: string;
  /** 0-based version of this event in its stream. */
  readonly streamVersion: bigint;
  /** Global position (not gap-free; order readers by `checkpoint`). */
  readonly position: bigint;
  /** Opaque global checkpoint of this event: pass it to `readAll({ after })`. */
  readonly checkpoint: Checkpoint;
  readonly type: Type;
  /** The schema version after upcasting. */
  readonly schemaVersion: number;
  readonly data: Data;
  /** Decrypted personal data per subject, or REDACTED for a shredded subject. */
  readonly personal: Readonly<Record<string, PersonalData | Redacted>>;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** Opaque, totally ordered string; compare only with `compareCheckpoints`. `START` is before everything. */
export type Checkpoint = string & { readonly __brand: 'Checkpoint' };

export interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

export interface AppendResult {
  readonly streamId: string;
  /** Version of the last event appended (the stream's new version). */
  readonly nextExpectedVersion: bigint;
  /** Global positions of the appended events, in order. */
  readonly positions: readonly bigint[];
  /** Checkpoint of the last appended event: `waitForCheckpoint()` on it gives read-your-writes. */
  readonly checkpoint: Checkpoint;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start version (forwards: lowest, backwards: highest). */
  readonly fromVersion?: bigint;
  readonly maxCount?: number;
  /** As for `readAll`: `omit` skips key lookups and decryption, for a decision that needs only coded data. */
  readonly personal?: 'decrypt' | 'omit';
  readonly signal?: AbortSignal;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this checkpoint. Default: from the beginning. */
  readonly after?: Checkpoint;
  readonly limit?: number;
  /** Only events of these types (server-side filter; the checkpoint still advances past the others). */
  readonly types?: readonly string[];
  /**
   * `omit` skips key lookups and decryption and returns `personal` as `{}`: for readers that need no personal data
   * (statistics, activity, rebuilds of coded read models). Least privilege, and much cheaper. Default `decrypt`.
   */
  readonly personal?: 'decrypt' | 'omit';
  readonly signal?: AbortSignal;
}

export interface ReadAllBatch {
  readonly events: readonly RecordedEvent[];
  /** Where the next read continues; equals `after` when nothing new is visible. */
  readonly checkpoint: Checkpoint;
}

/** Upcasters per event type: each maps one schema version to the next, pure. Applied on read, never written back. */
export type Upcaster = (event: { schemaVersion: number; data: unknown }) => { schemaVersion: number; data: unknown };
export type UpcasterRegistry = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/** The event store port (DESIGN.md §3). Implemented by the in-memory and the PostgreSQL adapters. */
export interface EventStore {
  append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult>;
  /** Appends to several streams in one transaction, a version check per stream; all or nothing. */
  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The stream's current version, or -1n when it does not exist. */
  streamVersion(streamId: string): Promise<bigint>;
  /** One batch of committed events after a checkpoint, in global order; never skips a later-committed event. */
  readAll(options?: ReadAllOptions): Promise<ReadAllBatch>;
  /** Every committed event after a checkpoint up to the head at call time, in global order. */
  streamAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** The checkpoint of the newest committed, visible event (START when empty). */
  headCheckpoint(): Promise<Checkpoint>;
  /** Destroys the subject's key: its personal data in every event becomes REDACTED forever. */
  shred(subjectId: string): Promise<void>;
}
