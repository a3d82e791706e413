import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Registry } from 'prom-client';
import {
  type AppendRequest,
  type AppendResult,
  CachedSubjectKeyStore,
  type Checkpoint,
  decodeCheckpoint,
  encodeCheckpoint,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  openPersonal,
  type ReadAllBatch,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  sealPersonal,
  START,
  streamAllFrom,
  streamCategory,
  type SubjectKeyStore,
  type UpcasterRegistry,
  unwrapKey,
  validateAppendRequests,
  WrongExpectedVersionError,
} from '@kapocs/platform/event-store';
import { quoteIdent } from '@kapocs/platform/postgres';
import {
  type AppendRow,
  type AppendStatements,
  appendQuery,
  appendStatements,
  isUniqueViolation,
  rejection,
  toAppendResult,
} from './append-call.js';
import { type EventRow, toRecordedEvent } from './event-rows.js';
import { eventStoreMetrics, type EventStoreMetrics } from './metrics.js';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store.js';
import { headSql, readAllSql, readStreamSql, readStreamWithKeysSql } from './read-sql.js';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** Schema migrated with `eventStoreMigrations`. */
  readonly schema: string;
  /** The KEK, 32 bytes (e.g. `masterKeyFromEnv()`). */
  readonly masterKey: Buffer;
  readonly upcasters?: UpcasterRegistry;
  /** Defaults to the PostgreSQL key table behind a per-process cache. */
  readonly keyStore?: SubjectKeyStore;
  readonly metricsRegistry?: Registry;
  /** Rows per round trip when reading a stream. */
  readonly readBatchSize?: number;
  /**
   * Named prepared statements for appends, `readStream` and `readAll` (default true): each connection parses them
   * once. Turn off behind a transaction-mode connection pooler (PgBouncer < 1.21), which cannot keep them per client.
   */
  readonly preparedStatements?: boolean;
}

/** What `readStreamWithKeysSql` adds to the first row. */
interface WrappedKeyColumns {
  readonly key_subjects: string[] | null;
  readonly wrapped_keys: Buffer[] | null;
}

/** The PostgreSQL adapter of the EventStore port (DESIGN.md §3, ADR-0002). */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly s: string;
  private readonly keys: SubjectKeyStore;
  private readonly upcasters: UpcasterRegistry | undefined;
  private readonly metrics: EventStoreMetrics;
  private readonly batchSize: number;
  private readonly statements: AppendStatements;
  /** Prefix of the named read statements; undefined when prepared statements are off. */
  private readonly readName: string | undefined;
  private readonly masterKey: Buffer;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.masterKey = options.masterKey;
    this.s = quoteIdent(options.schema);
    this.keys =
      options.keyStore ??
      new CachedSubjectKeyStore(
        new PostgresSubjectKeyStore({ pool: options.pool, schema: options.schema, masterKey: options.masterKey }),
      );
    this.upcasters = options.upcasters;
    this.metrics = eventStoreMetrics(options.metricsRegistry);
    this.batchSize = options.readBatchSize ?? 500;
    // A statement name must denote one text per connection, and pools are shared between schemas.
    const prefix =
      options.preparedStatements === false
        ? undefined
        : `kapocs_es_${createHash('sha256').update(options.schema).digest('hex').slice(0, 16)}`;
    this.statements = appendStatements(this.s, prefix);
    this.readName = prefix && `${prefix}_read`;
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, expectedVersion, events }]);
    return result as AppendResult;
  }

  /** One round trip for every stream of the call: the path for bulk writers and generators too. */
  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    try {
      return await this.appendVia(this.pool, requests);
    } catch (e) {
      // An event id already stored: an identical retry racing the original, or ids reused elsewhere. Run again with
      // the prior-append lookup first: the original result, or the typed DuplicateEventIdError.
      if (!isUniqueViolation(e)) throw e;
      return this.appendVia(this.pool, requests, true);
    }
  }

  /**
   * Appends inside a transaction the caller owns (unit of work with other writes, tests that hold a transaction
   * open). The events become visible to `readAll` only after the caller commits.
   */
  appendWithinTransaction(client: PoolClient, requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    return this.appendVia(client, requests);
  }

  private async appendVia(
    db: Pool | PoolClient,
    requests: readonly AppendRequest[],
    checkFirst = false,
  ): Promise<readonly AppendResult[]> {
    validateAppendRequests(requests);
    const sorted = [...requests].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    const sealed = await sealPersonal(this.keys, sorted.flatMap((r) => r.events));
    const stopTimer = this.metrics.appendSeconds.startTimer();
    let rows: (AppendRow & { res_status: string })[];
    try {
      rows = (await db.query<AppendRow & { res_status: string }>(appendQuery(this.statements, sorted, sealed, checkFirst)))
        .rows;
    } catch (e) {
      const mapped = rejection(e, sorted);
      if (mapped instanceof WrongExpectedVersionError) {
        this.metrics.conflicts.inc({ stream_category: streamCategory(mapped.streamId) });
      }
      throw mapped;
    } finally {
      stopTimer();
    }
    const byStream = new Map<string, AppendResult>();
    let appended = 0;
    rows.forEach((row, i) => {
      const req = sorted[i] as AppendRequest;
      if (row.res_status === 'ok') appended += req.events.length;
      byStream.set(req.streamId, toAppendResult(req.streamId, row));
    });
    this.metrics.appendedEvents.inc(appended);
    return requests.map((r) => byStream.get(r.streamId) as AppendResult);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: bigint | null = options.fromVersion ?? null;
    while (remaining > 0) {
      options.signal?.throwIfAborted();
      const limit = Math.min(this.batchSize, remaining);
      // A fold without decryption primes the key cache with the stream's subjects (see readStreamWithKeysSql).
      const withKeys = !backwards && from === null && options.personal === 'omit' && this.keys instanceof CachedSubjectKeyStore;
      const { rows } = await this.pool.query<EventRow & Partial<WrappedKeyColumns>>({
        ...(this.readName ? { name: `${this.readName}_stream_${backwards ? 'b' : withKeys ? 'fk' : 'f'}` } : {}),
        text: withKeys ? readStreamWithKeysSql(this.s) : readStreamSql(this.s, backwards),
        values: [streamId, from?.toString() ?? null, limit],
      });
      if (withKeys) this.primeKeys(rows[0]);
      for (const event of await this.toRecorded(rows, options.personal !== 'omit')) yield event;
      if (rows.length < limit) return;
      remaining -= rows.length;
      const last = BigInt((rows.at(-1) as EventRow).stream_version);
      from = backwards ? last - 1n : last + 1n;
      if (from < 0n) return;
    }
  }

  async streamVersion(streamId: string): Promise<bigint> {
    const { rows } = await this.pool.query<{ version: string }>(
      `SELECT version::text AS version FROM ${this.s}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0] ? BigInt(rows[0].version) : -1n;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    options.signal?.throwIfAborted();
    const after = options.after ?? START;
    const limit = options.limit ?? 1000;
    const { txId, position } = decodeCheckpoint(after);
    const types = options.types ? [...options.types] : null;
    const { rows } = await this.pool.query<Partial<EventRow> & { head_tx: string; head_pos: string }>({
      ...(this.readName ? { name: `${this.readName}_all` } : {}),
      text: readAllSql(this.s),
      values: [txId.toString(), position.toString(), limit, types],
    });
    const events = rows.filter((r): r is EventRow & { head_tx: string; head_pos: string } => r.id != null);
    const last = events.at(-1);
    const lastCheckpoint = last ? encodeCheckpoint(BigInt(last.tx), BigInt(last.position)) : after;
    // A short page scanned everything visible up to the head, filtered-out events included.
    const head = rows[0] ? encodeCheckpoint(BigInt(rows[0].head_tx), BigInt(rows[0].head_pos)) : after;
    const checkpoint = events.length < limit && head > lastCheckpoint ? head : lastCheckpoint;
    return { events: await this.toRecorded(events, options.personal !== 'omit'), checkpoint };
  }

  async *streamAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    yield* streamAllFrom((o) => this.readAll(o), await this.headCheckpoint(), options);
  }

  async headCheckpoint(): Promise<Checkpoint> {
    const { rows } = await this.pool.query<{ tx: string; position: string }>(headSql(this.s));
    return rows[0] ? encodeCheckpoint(BigInt(rows[0].tx), BigInt(rows[0].position)) : START;
  }

  async shred(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId);
  }

  /**
   * Drops this process's cache of unwrapped subject keys, so that a shred done by another process takes effect here
   * at once instead of at the cache entry's expiry (the runtime calls it on the bus's shred signal).
   */
  forgetCachedKeys(): void {
    if (this.keys instanceof CachedSubjectKeyStore) this.keys.clear();
  }

  private primeKeys(row: Partial<WrappedKeyColumns> | undefined): void {
    const subjects = row?.key_subjects;
    const wrapped = row?.wrapped_keys;
    if (!subjects || !wrapped || !(this.keys instanceof CachedSubjectKeyStore)) return;
    const cache = this.keys;
    const keys = new Map<string, Buffer>();
    subjects.forEach((id, i) => {
      const w = wrapped[i];
      if (!w || cache.has(id)) return;
      try {
        keys.set(id, unwrapKey(this.masterKey, w, id));
      } catch {
        // Not ours to judge here: a later seal or open looks the key up as before and fails there, if at all.
      }
    });
    cache.prime(keys);
  }

  private async toRecorded(rows: readonly EventRow[], decrypt = true): Promise<RecordedEvent[]> {
    const personal = decrypt ? await openPersonal(this.keys, rows) : new Map<string, never>();
    return rows.map((r) => toRecordedEvent(r, personal.get(r.id), this.upcasters));
  }
}
