import type { Pool } from 'pg';
import type { MatchAlert } from '@kapocs/signals/contracts';
import { type ScopeFilter, scopeSql } from '@kapocs/platform/auth';
import { quoteIdent } from '@kapocs/platform/postgres';
import type { SettlementCode } from '@kapocs/shared/kernel';

interface AlertRow {
  alert_id: string;
  settlement: string;
  signal_id: string;
  kind: MatchAlert['kind'];
  matched_signal_id: string | null;
  matched_case_id: string | null;
  client_id: string | null;
  notify_worker_id: string | null;
  raised_at: Date;
}

/** Match alerts of a district within the caller's scope, newest first. */
export class MatchAlertQueries {
  private readonly alerts: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.alerts = `${quoteIdent(schema)}.alerts`;
  }

  async list(district: string, filter: { settlement?: string; workerId?: string }, scope: ScopeFilter): Promise<MatchAlert[]> {
    const sql = scopeSql(scope, { district: 'district', settlement: 'settlement' }, 4);
    const { rows } = await this.pool.query<AlertRow>(
      `SELECT alert_id, settlement, signal_id, kind, matched_signal_id, matched_case_id, client_id, notify_worker_id, raised_at FROM ${this.alerts}
        WHERE district = $1 AND ($2::text IS NULL OR settlement = $2) AND ($3::text IS NULL OR notify_worker_id = $3) AND ${sql.condition}
        ORDER BY raised_at DESC, alert_id LIMIT 500`,
      [district, filter.settlement ?? null, filter.workerId ?? null, ...sql.params],
    );
    return rows.map((r) => ({
      alertId: r.alert_id,
      settlement: r.settlement as SettlementCode,
      signalId: r.signal_id,
      kind: r.kind,
      ...(r.matched_signal_id ? { matchedSignalId: r.matched_signal_id } : {}),
      ...(r.matched_case_id ? { matchedCaseId: r.matched_case_id } : {}),
      ...(r.client_id ? { clientId: r.client_id } : {}),
      ...(r.notify_worker_id ? { notifyWorkerId: r.notify_worker_id } : {}),
      raisedAt: r.raised_at.toISOString(),
    }));
  }
}
