import type pg from 'pg';
import type { Registry } from 'prom-client';
import { APPENDED_SIGNAL, type EventBus, TailLoop, type TailStep } from '@kapocs/platform/bus';
import { type Checkpoint, compareCheckpoints, type EventStore, type ReadAllBatch, START } from '@kapocs/platform/event-store';
import { AdvisoryLease, runMigrations, withTransaction } from '@kapocs/platform/postgres';
import { startSpanFrom } from '@kapocs/platform/observability';
import { CheckpointWaiters } from './checkpoint-waiters.js';
import { ProjectionMetrics } from './projection-metrics.js';
import type { ProjectionContext, ProjectionDefinition } from './projection.js';
import { projectionMigrations } from './projection.migrations.js';
import { ProjectionVersions, type VersionState, versionedTable } from './projection-versions.js';

export interface ProjectionRunnerOptions {
  readonly pool: pg.Pool;
  /** Schema of the read model and its `projection_checkpoints`. */
  readonly schema: string;
  readonly store: EventStore;
  readonly projection: ProjectionDefinition;
  /** Wake-ups after commits; without it the runner only polls (50 ms → 1 s). */
  readonly bus?: Pick<EventBus, 'onSignal'>;
  /** Schema of the event store's `events` table, for lag in events; without it lag is 0 or "a batch or more". */
  readonly eventStoreSchema?: string;
  readonly registry?: Registry;
  readonly onError?: (error: unknown) => void;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly state: VersionState | 'starting';
  /** Holds the lease, so this process is the one writing this version. */
  readonly leader: boolean;
  readonly checkpoint: Checkpoint;
  readonly lagEvents: number;
  readonly lagSeconds: number;
}

class RetiredError extends Error {}

/**
 * Tails the store and applies each batch and its checkpoint in one transaction: a crash between batches neither loses
 * nor doubles an update (DESIGN.md §4). One pod per projection version holds the lease; the others follow the stored
 * checkpoint so that `waitForCheckpoint` works on every pod.
 */
/** Above this many events a batch is a catch-up or rebuild, not live traffic worth a span each. */
const TRACED_BATCH_LIMIT = 100;

export class ProjectionRunner {
  private readonly def: ProjectionDefinition;
  private readonly versions: ProjectionVersions;
  private readonly lease: AdvisoryLease;
  private readonly loop: TailLoop;
  private readonly waiters = new CheckpointWaiters();
  private readonly metrics: ProjectionMetrics;
  private state: VersionState | 'starting' = 'starting';
  private readonly liveWaiters = new Set<{ resolve(): void; reject(e: Error): void }>();
  private checkpoint: Checkpoint = START;
  /** The page after a full one, read while that one's transaction runs (catch-up and rebuilds). */
  private prefetched: { after: Checkpoint; page: Promise<ReadAllBatch> } | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.def = options.projection;
    this.versions = new ProjectionVersions(options.pool, options.schema, this.def);
    const key = `${options.schema}.${this.def.name}.v${this.def.version}`;
    this.lease = new AdvisoryLease(options.pool, 'kapocs-projection', key);
    this.metrics = new ProjectionMetrics(this.def.name, options.pool, options.eventStoreSchema, options.registry);
    this.loop = new TailLoop({
      step: () => this.step(),
      ...(options.bus ? { wakeOn: { bus: options.bus, topic: APPENDED_SIGNAL } } : {}),
      onError: options.onError,
    });
  }

  async start(): Promise<void> {
    await runMigrations(this.options.pool, this.options.schema, projectionMigrations);
    this.loop.start();
  }

  /** Stops after the batch in flight; its transaction either committed with its checkpoint or not at all. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.prefetched?.page.catch(() => undefined);
    this.prefetched = undefined;
    await this.lease.release();
    const error = new Error(`Projection ${this.def.name} stopped`);
    this.waiters.rejectAll(error);
    for (const w of this.liveWaiters) w.reject(error);
    this.liveWaiters.clear();
  }

  /** Resolves once this version has processed at least `checkpoint` (read-your-writes, tests): no sleeping. */
  waitForCheckpoint(checkpoint: Checkpoint, options: { timeoutMs?: number } = {}): Promise<void> {
    if (compareCheckpoints(this.checkpoint, checkpoint) >= 0) return Promise.resolve();
    const waiting = this.waiters.add(checkpoint, options.timeoutMs ?? 10_000, this.def.name);
    this.loop.wake();
    return waiting;
  }

  /** Resolves when this version serves the views: at once for a first version, after the swap for a rebuild. */
  whenLive(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.state === 'live') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.liveWaiters.delete(waiter);
        reject(new Error(`Projection ${this.def.name} v${this.def.version} did not go live in time`));
      }, options.timeoutMs ?? 30_000);
      const waiter = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e: Error) => (clearTimeout(timer), reject(e)),
      };
      this.liveWaiters.add(waiter);
    });
  }

  status(): ProjectionStatus {
    const { lagEvents, lagSeconds } = this.metrics;
    const { name, version } = this.def;
    return { name, version, state: this.state, leader: this.lease.held, checkpoint: this.checkpoint, lagEvents, lagSeconds };
  }

  private async step(): Promise<TailStep> {
    if (this.state === 'retired') return false;
    if (!this.lease.held) {
      if (!(await this.lease.tryAcquire())) return this.follow();
      const prepared = await this.versions.prepare();
      this.checkpoint = prepared.checkpoint;
      if (prepared.state === 'retired') return this.retire();
      this.setState(prepared.state);
    }
    const limit = this.def.batchSize ?? 1000;
    const batch = await this.readPage(limit);
    if (batch.checkpoint === this.checkpoint) {
      if (this.state === 'building') {
        if ((await this.versions.swap()) === 'retired') return this.retire();
        this.setState('live');
      }
      this.metrics.caughtUp();
      return false;
    }
    // One span per event while live, continuing the trace of the command that appended it (HTTP → NATS → event
    // metadata → here). Rebuilds replay history: no spans then.
    if (batch.events.length >= limit) this.prefetch(batch.checkpoint, limit);
    const spans =
      this.state === 'live' && batch.events.length <= TRACED_BATCH_LIMIT
        ? batch.events.map((e) =>
            startSpanFrom('projection.apply', e.metadata.trace, { projection: this.def.name, 'event.type': e.type }),
          )
        : [];
    const advance = async (db: pg.Pool | pg.ClientBase): Promise<void> => {
      // First, so that a retired version never writes into tables its successor may have dropped.
      const moved = await this.versions.advanceCheckpoint(db, this.checkpoint, batch.checkpoint);
      if (moved === 'retired') throw new RetiredError();
      if (moved === 'moved') throw new Error(`Projection ${this.def.name}: checkpoint moved under the lease`);
    };
    try {
      if (batch.events.length === 0) {
        // Only other types' events passed (a type filter): moving the checkpoint is one statement, no transaction
        // and its two extra round trips (docs/performance.md, "command path").
        await advance(this.options.pool);
      } else {
        await withTransaction(this.options.pool, async (client) => {
          await advance(client);
          await this.def.handleBatch(client, batch.events, this.context());
        });
      }
    } catch (e) {
      for (const span of spans) span.setStatus({ code: 2 }).end();
      if (e instanceof RetiredError) return this.retire();
      throw e;
    }
    for (const span of spans) span.end();
    this.advance(batch.checkpoint);
    await this.metrics.processed(batch.events, this.state === 'building');
    // A short page of a live version read everything visible: reading again at once would find nothing (one empty
    // read per batch under load). A commit since then has nudged the loop, whose idle then returns at once.
    return this.state !== 'live' || batch.events.length >= limit ? true : 'caught-up';
  }

  private readPage(limit: number): Promise<ReadAllBatch> {
    const ahead = this.prefetched;
    this.prefetched = undefined;
    // Valid only if it starts where this step starts: a failed transaction leaves the checkpoint behind it.
    if (ahead?.after === this.checkpoint) return ahead.page;
    return this.options.store.readAll({ after: this.checkpoint, limit, ...this.typeFilter() });
  }

  /** Overlaps reading the next page with writing this one: a rebuild then waits on neither alone. */
  private prefetch(after: Checkpoint, limit: number): void {
    const page = this.options.store.readAll({ after, limit, ...this.typeFilter() });
    // An unused or failed prefetch is dropped; the next step reads again and reports its own error.
    page.catch(() => undefined);
    this.prefetched = { after, page };
  }

  private async follow(): Promise<boolean> {
    const stored = await this.versions.checkpoint();
    if (stored !== undefined && compareCheckpoints(stored, this.checkpoint) > 0) this.advance(stored);
    return false;
  }

  private advance(checkpoint: Checkpoint): void {
    this.checkpoint = checkpoint;
    this.waiters.reached(checkpoint);
  }

  private setState(state: VersionState): void {
    this.state = state;
    if (state !== 'live') return;
    for (const w of this.liveWaiters) w.resolve();
    this.liveWaiters.clear();
  }

  private async retire(): Promise<boolean> {
    this.state = 'retired';
    await this.lease.release();
    const error = new Error(`Projection ${this.def.name} v${this.def.version} was replaced by a newer version`);
    this.waiters.rejectAll(error);
    for (const w of this.liveWaiters) w.reject(error);
    this.liveWaiters.clear();
    return false;
  }

  private typeFilter(): { types?: readonly string[]; personal: 'decrypt' | 'omit' } {
    const personal = this.def.personal ?? 'omit';
    return this.def.types ? { types: this.def.types, personal } : { personal };
  }

  private context(): ProjectionContext {
    const { schema } = this.options;
    const { version } = this.def;
    return { table: (base) => versionedTable(schema, base, version), version, rebuilding: this.state === 'building' };
  }
}
