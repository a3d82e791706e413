import type pg from 'pg';
import type { Registry } from 'prom-client';
import { APPENDED_SIGNAL, type EventBus, TailLoop, toBusMessage } from '@kapocs/platform/bus';
import { AdvisoryLease, quoteIdent } from '@kapocs/platform/postgres';
import { counter, gauge } from '@kapocs/platform/observability';
import { RAW_START, type RawCheckpoint, type RawEventSource } from './raw-event-source.js';

export interface EventRelayOptions {
  readonly pool: pg.Pool;
  /** Schema holding `relay_checkpoints` (see `relayMigrations`). */
  readonly schema: string;
  readonly source: RawEventSource;
  readonly bus: EventBus;
  /** Several relays (e.g. to different buses) keep separate checkpoints. */
  readonly name?: string;
  readonly subjectRoot?: string;
  readonly batchSize?: number;
  /**
   * False for a bus that forgets on restart (the in-process bus): the relay then replays from the start on every
   * boot, so durable consumers of the new bus miss nothing; their handlers deduplicate (inbox) as always.
   */
  readonly persistCheckpoint?: boolean;
  readonly registry?: Registry;
  readonly onError?: (error: unknown) => void;
}

export interface RelayStatus {
  readonly checkpoint: RawCheckpoint | undefined;
  readonly leader: boolean;
  readonly published: number;
  readonly duplicates: number;
}

/**
 * Tails the event store and publishes every event to the bus with its id as `Nats-Msg-Id` (DESIGN.md §4). The
 * checkpoint moves only after every publish of a batch was acknowledged, so a crash republishes at most one batch,
 * and JetStream's deduplication drops those copies: no loss, no duplicates.
 */
export class EventRelay {
  private readonly name: string;
  private readonly table: string;
  private readonly lease: AdvisoryLease;
  private readonly loop: TailLoop;
  private checkpoint: RawCheckpoint | undefined;
  private published = 0;
  private duplicates = 0;
  private readonly metrics;

  constructor(private readonly options: EventRelayOptions) {
    this.name = options.name ?? 'default';
    this.table = `${quoteIdent(options.schema)}.relay_checkpoints`;
    // Advisory locks are per database, so the schema is part of the key.
    this.lease = new AdvisoryLease(options.pool, 'kapocs-relay', `${options.schema}.${this.name}`);
    this.loop = new TailLoop({
      step: () => this.relayOnce().then((n) => n >= (options.batchSize ?? 500)),
      wakeOn: { bus: options.bus, topic: APPENDED_SIGNAL },
      onError: options.onError,
    });
    const labels = ['relay'];
    this.metrics = {
      lag: gauge('kapocs_relay_lag_events', 'Events written but not yet relayed (estimate)', labels, options.registry),
      published: counter('kapocs_relay_published_total', 'Events published by the relay', labels, options.registry),
      duplicates: counter('kapocs_relay_duplicates_total', 'Republished events the bus dropped', labels, options.registry),
    };
  }

  start(): void {
    this.loop.start();
  }

  /** Stops after the batch in flight; its checkpoint is saved only if that batch was fully acknowledged. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.lease.release();
  }

  status(): RelayStatus {
    const { checkpoint, published, duplicates } = this;
    return { checkpoint, leader: this.lease.held, published, duplicates };
  }

  /** Relays one batch; returns how many events it published (0 when idle or not the leader). */
  async relayOnce(): Promise<number> {
    if (!(await this.lease.tryAcquire())) return 0;
    const after = this.checkpoint ?? (await this.loadCheckpoint());
    this.checkpoint = after;
    const events = await this.options.source.readAllRaw(after, this.options.batchSize ?? 500);
    const last = events[events.length - 1];
    if (last) {
      // Publishes on one connection are stored in send order, so pipelining keeps the log's order on the stream.
      const results = await Promise.all(
        events.map((e) => this.options.bus.publish(toBusMessage(e, this.options.subjectRoot))),
      );
      const duplicates = results.filter((r) => r.duplicate).length;
      const next = { txId: last.txId, position: last.position };
      await this.saveCheckpoint(next);
      this.checkpoint = next;
      this.published += events.length - duplicates;
      this.duplicates += duplicates;
      this.metrics.published.inc({ relay: this.name }, events.length - duplicates);
      if (duplicates) this.metrics.duplicates.inc({ relay: this.name }, duplicates);
    }
    await this.updateLag();
    return events.length;
  }

  private async loadCheckpoint(): Promise<RawCheckpoint> {
    if (this.options.persistCheckpoint === false) return RAW_START;
    const { rows } = await this.options.pool.query<{ tx_id: string; position: string }>(
      `SELECT tx_id::text AS tx_id, position FROM ${this.table} WHERE name = $1`,
      [this.name],
    );
    const row = rows[0];
    return row ? { txId: row.tx_id, position: String(row.position) } : RAW_START;
  }

  private async saveCheckpoint(cp: RawCheckpoint): Promise<void> {
    if (this.options.persistCheckpoint === false) return;
    await this.options.pool.query(
      `INSERT INTO ${this.table} (name, tx_id, position, updated_at) VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position, updated_at = now()`,
      [this.name, cp.txId, cp.position],
    );
  }

  private async updateLag(): Promise<void> {
    // Positions are allocated before commit, so this is an estimate; it is exact once writers are idle.
    const head = await this.options.source.headPosition();
    const done = BigInt(this.checkpoint?.position ?? '0');
    this.metrics.lag.set({ relay: this.name }, Number(head > done ? head - done : 0n));
  }
}
