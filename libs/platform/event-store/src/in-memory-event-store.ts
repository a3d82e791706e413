import { randomBytes } from 'node:crypto';
import { validateAppendRequests } from './append-validation.js';
import { compareCheckpoints, decodeCheckpoint, encodeCheckpoint, START } from './checkpoint.js';
import { CachedSubjectKeyStore } from './crypto/cached-subject-key-store.js';
import { InMemorySubjectKeyStore } from './crypto/in-memory-subject-key-store.js';
import { openPersonal, sealPersonal } from './crypto/personal-data.js';
import type { SubjectKeyStore } from './crypto/subject-key-store.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors.js';
import type {
  AppendRequest,
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  UpcasterRegistry,
} from './event-store.port.js';
import { streamAllFrom } from './stream-all.js';
import { upcast } from './upcasting.js';
import { resultOf, type StoredEvent } from './in-memory-stored-event.js';

export interface InMemoryEventStoreOptions {
  /** 32-byte KEK; a random one when omitted (keys then live as long as the store). */
  readonly masterKey?: Buffer;
  readonly keyStore?: SubjectKeyStore;
  readonly upcasters?: UpcasterRegistry;
}

/** The EventStore for unit tests: same semantics as PostgreSQL (checks, idempotency, upcasting, shredding). */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly keys: SubjectKeyStore;
  private readonly upcasters: UpcasterRegistry | undefined;
  private lastTx = 0n;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.keys =
      options.keyStore ?? new CachedSubjectKeyStore(new InMemorySubjectKeyStore(options.masterKey ?? randomBytes(32)));
    this.upcasters = options.upcasters;
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, expectedVersion, events }]);
    return result as AppendResult;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    validateAppendRequests(requests);
    const sealed = await sealPersonal(this.keys, requests.flatMap((r) => r.events));
    // From here on no await: the check and the write happen as one atomic step, like one transaction.
    const plans = requests.map((r) => this.plan(r));
    const tx = ++this.lastTx;
    const recordedAt = new Date();
    return plans.map((plan, i) => {
      if (plan.done) return plan.done;
      const { streamId, events } = requests[i] as AppendRequest;
      const stream = this.streams.get(streamId) ?? [];
      const stored = events.map((e, n) => {
        const position = BigInt(this.log.length + 1);
        const s: StoredEvent = {
          id: e.id.toLowerCase(),
          streamId,
          streamVersion: BigInt(stream.length + n),
          position,
          checkpoint: encodeCheckpoint(tx, position),
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: structuredClone(e.data),
          personal: sealed.get(e.id) ?? null,
          metadata: structuredClone(e.metadata),
          recordedAt,
        };
        this.log.push(s);
        this.byId.set(s.id, s);
        return s;
      });
      stream.push(...stored);
      this.streams.set(streamId, stream);
      return resultOf(streamId, stored);
    });
  }

  /** Either the original result of an identical earlier append, or nothing to report (go ahead); throws otherwise. */
  private plan({ streamId, expectedVersion, events }: AppendRequest): { done?: AppendResult } {
    const found = events.map((e) => this.byId.get(e.id.toLowerCase()));
    const known = found.filter((s): s is StoredEvent => s !== undefined);
    if (known.length > 0) {
      const first = known[0] as StoredEvent;
      const isRetry =
        known.length === events.length &&
        known.every((s, n) => s.streamId === streamId && s.streamVersion === first.streamVersion + BigInt(n));
      if (!isRetry) throw new DuplicateEventIdError(streamId, known.map((s) => s.id));
      return { done: resultOf(streamId, known) };
    }
    const actual = BigInt(this.streams.get(streamId)?.length ?? 0) - 1n;
    const ok =
      expectedVersion === 'any' ||
      (expectedVersion === 'no_stream' && actual === -1n) ||
      (expectedVersion === 'stream_exists' && actual >= 0n) ||
      expectedVersion === actual;
    if (!ok) throw new WrongExpectedVersionError(streamId, expectedVersion, actual);
    return {};
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const stream = this.streams.get(streamId) ?? [];
    const from = options.fromVersion;
    let selected = backwards
      ? stream.filter((e) => from === undefined || e.streamVersion <= from).reverse()
      : stream.filter((e) => from === undefined || e.streamVersion >= from);
    if (options.maxCount !== undefined) selected = selected.slice(0, options.maxCount);
    for (const event of await this.toRecorded(selected, options.personal !== 'omit')) {
      options.signal?.throwIfAborted();
      yield event;
    }
  }

  async streamVersion(streamId: string): Promise<bigint> {
    return BigInt(this.streams.get(streamId)?.length ?? 0) - 1n;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    options.signal?.throwIfAborted();
    const after = options.after ?? START;
    const limit = options.limit ?? 1000;
    decodeCheckpoint(after);
    const types = options.types ? new Set(options.types) : undefined;
    const matched: StoredEvent[] = [];
    for (const e of this.log) {
      if (matched.length >= limit) break;
      if (compareCheckpoints(e.checkpoint, after) > 0 && (!types || types.has(e.type))) matched.push(e);
    }
    const last = matched.at(-1)?.checkpoint ?? after;
    // Fewer than `limit` matches means every event up to the head was scanned, filtered ones included.
    const head = await this.headCheckpoint();
    const checkpoint = matched.length < limit && compareCheckpoints(head, last) > 0 ? head : last;
    return { events: await this.toRecorded(matched, options.personal !== 'omit'), checkpoint };
  }

  async *streamAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    yield* streamAllFrom((o) => this.readAll(o), await this.headCheckpoint(), options);
  }

  async headCheckpoint(): Promise<Checkpoint> {
    return this.log.at(-1)?.checkpoint ?? START;
  }

  async shred(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId);
  }

  private async toRecorded(events: readonly StoredEvent[], decrypt = true): Promise<RecordedEvent[]> {
    const personal = decrypt ? await openPersonal(this.keys, events) : new Map<string, never>();
    return events.map((e) => {
      const up = upcast(this.upcasters, e.type, e.schemaVersion, structuredClone(e.data));
      return {
        id: e.id,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        position: e.position,
        checkpoint: e.checkpoint,
        type: e.type,
        schemaVersion: up.schemaVersion,
        data: up.data,
        personal: personal.get(e.id) ?? {},
        metadata: structuredClone(e.metadata),
        recordedAt: new Date(e.recordedAt),
      };
    });
  }
}
