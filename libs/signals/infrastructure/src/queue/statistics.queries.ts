import type { Pool } from 'pg';
import type { SignalStatistics, StatisticsCount } from '@kapocs/signals/contracts';
import { type ScopeFilter, scopeSql } from '@kapocs/platform/auth';
import { quoteIdent } from '@kapocs/platform/postgres';

type Split = StatisticsCount & { subjectKind: string };

/**
 * Signal statistics for any period, counted from the queue read model (ids, codes and dates only), so figures are
 * never copied into a second table that could drift; the period is by Budapest submission day.
 */
export class SignalStatisticsQueries {
  private readonly signals: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.signals = `${quoteIdent(schema)}.signals`;
  }

  async statistics(district: string, from: string, to: string, settlement: string | undefined, scope: ScopeFilter): Promise<SignalStatistics> {
    const sql = scopeSql(scope, { district: 'district', settlement: 'settlement' }, 5);
    const period = `WITH s AS (SELECT * FROM ${this.signals}
       WHERE district = $1 AND (submitted_at AT TIME ZONE 'Europe/Budapest')::date BETWEEN $2::date AND $3::date
         AND ($4::text IS NULL OR settlement = $4) AND ${sql.condition})`;
    const params = [district, from, to, settlement ?? null, ...sql.params];
    const split = async (expr: string, source = 's'): Promise<Split[]> =>
      (
        await this.pool.query<{ key: string; subject_kind: string; n: string }>(
          `${period} SELECT ${expr} AS key, subject_kind, count(*) AS n FROM ${source} GROUP BY 1, 2 ORDER BY 1, 2`,
          params,
        )
      ).rows.map((r) => ({ key: r.key, subjectKind: r.subject_kind, signals: Number(r.n) }));
    const [totals, byChannel, byMemberCategory, bySettlement, byCategory] = await Promise.all([
      this.pool.query<{ total: string; critical: string; closed: string; first: number | null; close: number | null }>(
        `${period} SELECT count(*) AS total, count(*) FILTER (WHERE critical) AS critical, count(*) FILTER (WHERE status = 'closed') AS closed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_measure_on - (submitted_at AT TIME ZONE 'Europe/Budapest')::date) AS first,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - (submitted_at AT TIME ZONE 'Europe/Budapest')::date) AS close
         FROM s`,
        params,
      ),
      this.pool.query<{ key: string; n: string }>(`${period} SELECT channel AS key, count(*) AS n FROM s GROUP BY 1 ORDER BY 1`, params),
      split(`COALESCE(member_category, 'NONE')`),
      split('settlement'),
      split('category', 's CROSS JOIN LATERAL unnest(s.categories) AS category'),
    ]);
    const t = totals.rows[0];
    const total = Number(t?.total ?? 0);
    const closed = Number(t?.closed ?? 0);
    const bySubjectKind = new Map<string, number>();
    for (const r of bySettlement) bySubjectKind.set(r.subjectKind, (bySubjectKind.get(r.subjectKind) ?? 0) + r.signals);
    return {
      from,
      to,
      total,
      critical: Number(t?.critical ?? 0),
      bySubjectKind: [...bySubjectKind].map(([key, signals]) => ({ key, signals })),
      byMemberCategory,
      bySettlement,
      byCategory,
      byChannel: byChannel.rows.map((r) => ({ key: r.key, signals: Number(r.n) })),
      handling: {
        closed,
        open: total - closed,
        ...(t?.first !== null && t?.first !== undefined ? { medianDaysToFirstMeasure: Number(t.first) } : {}),
        ...(t?.close !== null && t?.close !== undefined ? { medianDaysToClose: Number(t.close) } : {}),
      },
    };
  }
}
