import type pg from 'pg';

/**
 * A session advisory lock held on a dedicated connection, so that one pod at a time runs a given loop. The lock goes
 * with the connection, so a crashed pod frees it without a timeout.
 */
export class AdvisoryLease {
  private client: pg.PoolClient | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly namespace: string,
    private readonly key: string,
  ) {}

  get held(): boolean {
    return this.client !== undefined;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok',
        [this.namespace, this.key],
      );
      if (!rows[0]?.ok) {
        client.release();
        return false;
      }
    } catch (e) {
      client.release(e as Error);
      throw e;
    }
    client.on('error', () => this.lose());
    this.client = client;
    return true;
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [this.namespace, this.key]);
      client.release();
    } catch (e) {
      client.release(e as Error);
    }
  }

  private lose(): void {
    this.client?.release(true);
    this.client = undefined;
  }
}
