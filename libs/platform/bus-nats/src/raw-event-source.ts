import type pg from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';
import type { RawEvent } from '@kapocs/platform/bus';

/** Position in the log: (transaction id, global position), the event store's order (ADR-0002). */
export interface RawCheckpoint {
  readonly txId: string;
  readonly position: string;
}

export const RAW_START: RawCheckpoint = { txId: '0', position: '0' };

/**
 * Committed events as stored, personal data still encrypted. The relay reads rows rather than the `EventStore` port
 * because the port decrypts, and re-encrypting for the bus would be both slow and wrong (ADR-0003).
 */
export interface RawEventSource {
  /** Events strictly after `after`, in global order, never skipping a later-committed one. */
  readAllRaw(after: RawCheckpoint, limit: number): Promise<readonly RawEvent[]>;
  /** The highest global position written (visible or not), for lag estimates. */
  headPosition(): Promise<bigint>;
}

interface Row {
  position: string;
  tx_id: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  district: string;
  data: unknown;
  personal: unknown;
  metadata: RawEvent['metadata'];
  recorded_at: Date;
}

/** Reads the PostgreSQL event store's `events` table with the same xid8 visibility rule as the store itself. */
export class PostgresRawEventSource implements RawEventSource {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.events`;
  }

  async readAllRaw(after: RawCheckpoint, limit: number): Promise<readonly RawEvent[]> {
    // Read below the oldest open xid, or the relay could pass a transaction that commits later (ADR-0002).
    const { rows } = await this.pool.query<Row>(
      `SELECT position, tx_id::text AS tx_id, event_id, stream_id, stream_version, type, schema_version, district,
              data, to_jsonb(personal) AS personal, metadata, recorded_at
         FROM ${this.table}
        WHERE (tx_id, position) > ($1::xid8, $2::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, position
        LIMIT $3`,
      [after.txId, after.position, limit],
    );
    return rows.map((r) => ({
      id: r.event_id,
      streamId: r.stream_id,
      streamVersion: String(r.stream_version),
      position: String(r.position),
      txId: r.tx_id,
      type: r.type,
      schemaVersion: r.schema_version,
      district: r.district,
      data: r.data,
      personal: r.personal,
      metadata: r.metadata,
      recordedAt: r.recorded_at.toISOString(),
    }));
  }

  async headPosition(): Promise<bigint> {
    // The identity sequence, not max(position): that would scan the whole table.
    const { rows } = await this.pool.query<{ head: string | null }>(
      `SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'position'))::text AS head`,
      [this.table],
    );
    return BigInt(rows[0]?.head ?? '0');
  }
}
