import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';

/**
 * The age of the oldest open transaction in this database: a long one holds back the event store's read horizon
 * (readers stop below the oldest running xid, ADR-0002), so operators alert on it.
 */
export function registerPgMetrics(registry: Registry, pool: Pool): void {
  const gauge = new Gauge({
    name: 'kapocs_pg_oldest_xact_age_seconds',
    help: 'Age in seconds of the oldest open transaction in the database (0 when none)',
    registers: [registry],
    async collect() {
      try {
        const { rows } = await pool.query<{ age: string | null }>(
          `SELECT EXTRACT(EPOCH FROM max(now() - xact_start))::float8 AS age FROM pg_stat_activity
            WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
        );
        this.set(Number(rows[0]?.age ?? 0));
      } catch {
        // Unreachable database: keep the last value; readiness reports the outage.
      }
    },
  });
  gauge.set(0);
}
