import type { Pool } from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';

export type IdempotencyOutcome =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'reused' }
  | { readonly kind: 'in-progress' };

/** Keys are kept this long; a replay after that runs the request again. */
export const IDEMPOTENCY_TTL = '24 hours';

/**
 * The `idempotency_keys` table. A stored response is exactly what the route returned to this actor: it may hold
 * personal data, so rows expire after 24 hours and are keyed by the actor (nobody else can replay them).
 */
export class IdempotencyStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.idempotency_keys`;
  }

  /** Claims `key` for this request, or says why not. */
  async begin(actor: string, key: string, requestHash: string): Promise<IdempotencyOutcome> {
    await this.pool.query(
      `DELETE FROM ${this.table} WHERE actor = $1 AND created_at < now() - interval '${IDEMPOTENCY_TTL}'`,
      [actor],
    );
    const inserted = await this.pool.query(
      `INSERT INTO ${this.table} (actor, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (actor, key) DO NOTHING`,
      [actor, key, requestHash],
    );
    if (inserted.rowCount === 1) return { kind: 'new' };
    const { rows } = await this.pool.query<{ request_hash: string; status: string; response_status: number; response_body: unknown }>(
      `SELECT request_hash, status, response_status, response_body FROM ${this.table} WHERE actor = $1 AND key = $2`,
      [actor, key],
    );
    const row = rows[0];
    // Gone between the two statements: the first attempt failed and released the key; the client may retry.
    if (!row) return { kind: 'in-progress' };
    if (row.request_hash !== requestHash) return { kind: 'reused' };
    if (row.status !== 'completed') return { kind: 'in-progress' };
    return { kind: 'replay', status: row.response_status, body: row.response_body };
  }

  async complete(actor: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET status = 'completed', response_status = $3, response_body = $4::jsonb
       WHERE actor = $1 AND key = $2`,
      [actor, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed attempt releases its key, so a corrected retry with the same key is not refused. */
  async release(actor: string, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE actor = $1 AND key = $2 AND status = 'in_progress'`, [actor, key]);
  }

  /** Removes every expired key; for a periodic job, as `begin` only purges the caller's own keys. */
  async purgeExpired(): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE created_at < now() - interval '${IDEMPOTENCY_TTL}'`);
    return result.rowCount ?? 0;
  }
}
