import type { Pool } from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';

export type SpendOutcome = 'fresh' | 'same_signal' | 'reused';

/**
 * The public form's abuse state in the gateway's schema: token buckets per client address and the spent challenges.
 * In PostgreSQL rather than in memory so that every gateway replica behind the load balancer shares one limit and a
 * restart does not refill it; one upsert per public request is nothing next to the portal's load.
 */
export class PublicFormStore {
  private readonly buckets: string;
  private readonly proofs: string;
  private calls = 0;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.buckets = `${quoteIdent(schema)}.public_rate_buckets`;
    this.proofs = `${quoteIdent(schema)}.public_signal_proofs`;
  }

  /** Takes one token (refilled continuously at `perSecond`, at most `capacity`), or says how long to wait. */
  async take(bucket: string, capacity: number, perSecond: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    if (++this.calls % 1000 === 0) await this.sweep(capacity / perSecond);
    const level = `LEAST($2::float8, b.tokens + EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at)::float8 * $3::float8)`;
    const taken = await this.pool.query(
      `INSERT INTO ${this.buckets} AS b (bucket, tokens, updated_at) VALUES ($1, $2::float8 - 1, clock_timestamp())
       ON CONFLICT (bucket) DO UPDATE SET tokens = ${level} - 1, updated_at = clock_timestamp() WHERE ${level} >= 1
       RETURNING tokens`,
      [bucket, capacity, perSecond],
    );
    if (taken.rowCount === 1) return { allowed: true, retryAfterSeconds: 0 };
    const { rows } = await this.pool.query<{ level: number }>(`SELECT ${level} AS level FROM ${this.buckets} b WHERE bucket = $1`, [bucket, capacity, perSecond]);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(rows[0]?.level ?? 0)) / perSecond)) };
  }

  /** Marks a challenge used for a signal; the same signal again is a retry, another signal a reuse. */
  async spend(challengeId: string, signalId: string, expiresAt: Date): Promise<SpendOutcome> {
    const inserted = await this.pool.query(
      `INSERT INTO ${this.proofs} (challenge_id, signal_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (challenge_id) DO NOTHING`,
      [challengeId, signalId, expiresAt],
    );
    if (inserted.rowCount === 1) return 'fresh';
    const { rows } = await this.pool.query<{ signal_id: string }>(`SELECT signal_id FROM ${this.proofs} WHERE challenge_id = $1`, [challengeId]);
    return rows[0]?.signal_id === signalId ? 'same_signal' : 'reused';
  }

  /** A refused submission gives its challenge back, so the citizen can correct the form without new work. */
  async release(challengeId: string, signalId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.proofs} WHERE challenge_id = $1 AND signal_id = $2`, [challengeId, signalId]);
  }

  private async sweep(fullAfterSeconds: number): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.buckets} WHERE updated_at < clock_timestamp() - make_interval(secs => $1)`, [fullAfterSeconds]);
    await this.pool.query(`DELETE FROM ${this.proofs} WHERE expires_at < clock_timestamp() - interval '1 hour'`);
  }
}
