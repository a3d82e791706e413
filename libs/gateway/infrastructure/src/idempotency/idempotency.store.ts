import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';

export type IdempotencyOutcome =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'reused' }
  | { readonly kind: 'in-progress' };

/** Keys are kept this long; a replay after that runs the request again. */
export const IDEMPOTENCY_TTL = '24 hours';

interface ClaimRow {
  readonly claimed: boolean;
  readonly request_hash: string | null;
  readonly status: string | null;
  readonly response_status: number | null;
  readonly response_body: unknown;
}

const EXPIRED = (column: string): string => `${column} < now() - interval '${IDEMPOTENCY_TTL}'`;

/**
 * Claim and the existing row in one statement. The final SELECT reads the statement's snapshot: it never sees a row
 * another request inserted meanwhile (then no row comes back), and it hides expired rows, so a concurrent take-over
 * of an expired key is reported as in progress rather than replaying the stale response. Other expired keys are left
 * to `purgeExpired` (IdempotencyPurger): purging the caller's keys here scanned them on every claim.
 */
const claimSql = (t: string): string => `
  WITH claimed AS (
    INSERT INTO ${t} AS k (actor, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
    ON CONFLICT (actor, key) DO UPDATE SET request_hash = excluded.request_hash, status = 'in_progress',
      response_status = NULL, response_body = NULL, created_at = now()
    WHERE ${EXPIRED('k.created_at')}
    RETURNING true AS claimed
  )
  SELECT true AS claimed, NULL::text AS request_hash, NULL::text AS status, NULL::int AS response_status,
    NULL::jsonb AS response_body FROM claimed
  UNION ALL
  SELECT false, request_hash, status, response_status, response_body FROM ${t}
  WHERE actor = $1 AND key = $2 AND NOT ${EXPIRED('created_at')} AND NOT EXISTS (SELECT 1 FROM claimed)`;

/**
 * The `idempotency_keys` table. A stored response is exactly what the route returned to this actor: it may hold
 * personal data, so rows expire after 24 hours and are keyed by the actor (nobody else can replay them).
 */
export class IdempotencyStore {
  private readonly table: string;
  private readonly claimSql: string;
  /** Statement name of the claim, unique per schema (a name must always denote the same text on a connection). */
  private readonly claimName: string | undefined;

  constructor(
    private readonly pool: Pool,
    schema: string,
    preparedStatements = true,
  ) {
    this.table = `${quoteIdent(schema)}.idempotency_keys`;
    this.claimSql = claimSql(this.table);
    this.claimName = preparedStatements ? `kapocs_idem_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}` : undefined;
  }

  /**
   * Claims `key` for this request, or says why not, in one round trip. An expired row of this key is taken over as a
   * new claim.
   */
  async begin(actor: string, key: string, requestHash: string): Promise<IdempotencyOutcome> {
    const { rows } = await this.pool.query<ClaimRow>({
      ...(this.claimName ? { name: this.claimName } : {}),
      text: this.claimSql,
      values: [actor, key, requestHash],
    });
    const row = rows[0];
    if (row?.claimed) return { kind: 'new' };
    // No row: another request claimed the key after this statement's snapshot was taken, or a failed attempt
    // released it meanwhile; either way the client may retry.
    if (!row) return { kind: 'in-progress' };
    if (row.request_hash !== requestHash) return { kind: 'reused' };
    if (row.status !== 'completed') return { kind: 'in-progress' };
    return { kind: 'replay', status: row.response_status as number, body: row.response_body };
  }

  async complete(actor: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query({
      ...(this.claimName ? { name: `${this.claimName}_done` } : {}),
      text: `UPDATE ${this.table} SET status = 'completed', response_status = $3, response_body = $4::jsonb
       WHERE actor = $1 AND key = $2`,
      values: [actor, key, status, JSON.stringify(body ?? null)],
    });
  }

  /** A failed attempt releases its key, so a corrected retry with the same key is not refused. */
  async release(actor: string, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE actor = $1 AND key = $2 AND status = 'in_progress'`, [actor, key]);
  }

  /** Removes every expired key (and the response stored with it); IdempotencyPurger runs it periodically. */
  async purgeExpired(): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE created_at < now() - interval '${IDEMPOTENCY_TTL}'`);
    return result.rowCount ?? 0;
  }
}

/** How often every gateway replica deletes expired keys (concurrent runs only delete the same rows). */
export const IDEMPOTENCY_PURGE_INTERVAL_MS = 5 * 60_000;

/**
 * Deletes expired idempotency keys at start and then every `intervalMs`, so that stored responses (which may hold
 * personal data) do not outlive their 24 hours by more than one interval. The timer never keeps the process alive.
 */
export class IdempotencyPurger {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: Pick<IdempotencyStore, 'purgeExpired'>,
    private readonly intervalMs = IDEMPOTENCY_PURGE_INTERVAL_MS,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Purges now and schedules the next runs; resolves with the number of keys the first run deleted. */
  start(): Promise<number> {
    this.timer ??= setInterval(() => void this.runOnce(), this.intervalMs).unref();
    return this.runOnce();
  }

  /** One purge; a run still going is joined, not doubled. Errors are reported and count as nothing deleted. */
  runOnce(): Promise<number> {
    this.running ??= this.store
      .purgeExpired()
      .catch((e: unknown) => {
        this.onError(e);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
