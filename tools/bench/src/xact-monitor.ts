import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

export interface ForeignXactReport {
  /** Share of samples in which another client held a write transaction open for more than 20 ms. */
  readonly samplesPct: number;
  readonly maxAgeMs: number;
}

/**
 * Samples the oldest write transaction of other clients on the whole server while a figure runs. Readers see only
 * what committed below the cluster-wide xmin (ADR-0002), so such a transaction delays every projection on the server;
 * reporting it tells a slow runner from a busy neighbour.
 */
export function watchForeignTransactions(pool: pg.Pool, ownAppPrefix: string): { stop(): Promise<ForeignXactReport> } {
  let running = true;
  let samples = 0;
  let long = 0;
  let maxAgeMs = 0;
  const loop = (async () => {
    while (running) {
      const { rows } = await pool.query<{ ms: string | null }>(
        `SELECT max(extract(epoch FROM clock_timestamp() - xact_start) * 1000)::text AS ms FROM pg_stat_activity
         WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND application_name NOT LIKE $1`,
        [`${ownAppPrefix}%`],
      );
      const ms = Number(rows[0]?.ms ?? 0);
      samples++;
      if (ms > 20) long++;
      maxAgeMs = Math.max(maxAgeMs, ms);
      // Sampling period of the monitor, which runs beside the measured path and never gates it.
      await sleep(20);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samplesPct: samples === 0 ? 0 : (100 * long) / samples, maxAgeMs };
    },
  };
}
