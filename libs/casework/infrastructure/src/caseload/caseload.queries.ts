import type { Pool } from 'pg';
import type { Caseload, CaseloadCase, Overview, OverviewRow, OverdueItem } from '@kapocs/casework/contracts';
import { type DeadlineRules, type OpenedCase, overdueItems } from '@kapocs/casework/domain';
import { type ScopeFilter, scopeSql } from '@kapocs/platform/auth';
import { quoteIdent } from '@kapocs/platform/postgres';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

interface CaseRow {
  case_id: string;
  district: string;
  site: string;
  client_id: string | null;
  worker_id: string;
  status: 'open' | 'closed';
  opened_on: string;
  active_age_registered_on: string | null;
  programme_agreed_on: string | null;
  last_meeting_on: string | null;
  last_yearly_evaluation_on: string | null;
  next_meeting_on: string | null;
  agreement_due_on: string | null;
}
interface GoalRow {
  case_id: string;
  goal_id: string;
  deadline: string;
}

const CASE_COLUMNS = `case_id, district, site, client_id, worker_id, status, opened_on::text, active_age_registered_on::text,
  programme_agreed_on::text, last_meeting_on::text, last_yearly_evaluation_on::text, next_meeting_on::text, agreement_due_on::text`;

/** A row back as the domain's case, so that the one pure deadline function decides what is overdue. */
function caseOf(row: CaseRow, goals: readonly GoalRow[]): OpenedCase {
  return {
    status: row.status,
    caseId: row.case_id,
    district: row.district as DistrictCode,
    site: row.site as SettlementCode,
    clientId: row.client_id ?? '',
    memberIds: [],
    responsibleWorkerId: row.worker_id,
    openedOn: row.opened_on,
    goals: Object.fromEntries(goals.map((g) => [g.goal_id, { goalId: g.goal_id, deadline: g.deadline, responsible: row.worker_id, status: 'open', integrationProgramme: false }])),
    entryIds: [],
    ...(row.agreement_due_on ? { agreementDueOn: row.agreement_due_on } : {}),
    ...(row.active_age_registered_on
      ? {
          activeAge: {
            registeredOn: row.active_age_registered_on,
            ...(row.programme_agreed_on ? { programmeAgreedOn: row.programme_agreed_on } : {}),
            ...(row.last_meeting_on ? { lastMeetingOn: row.last_meeting_on } : {}),
            ...(row.last_yearly_evaluation_on ? { lastYearlyEvaluationOn: row.last_yearly_evaluation_on } : {}),
          },
        }
      : {}),
  };
}

/** Caseload and overview over the casework schema; every statement carries the caller's scope (DESIGN.md §5). */
export class CaseloadQueries {
  private readonly cases: string;
  private readonly goals: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly deadlines?: readonly DeadlineRules[],
  ) {
    this.cases = `${quoteIdent(schema)}.cases`;
    this.goals = `${quoteIdent(schema)}.goals`;
  }

  private async openCases(where: string, params: readonly unknown[]): Promise<{ rows: CaseRow[]; goals: Map<string, GoalRow[]> }> {
    const { rows } = await this.pool.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${this.cases} WHERE status = 'open' AND ${where} ORDER BY opened_on, case_id`, [...params]);
    const ids = rows.map((r) => r.case_id);
    const goalRows = ids.length
      ? (await this.pool.query<GoalRow>(`SELECT case_id, goal_id, deadline::text FROM ${this.goals} WHERE status = 'open' AND case_id = ANY($1)`, [ids])).rows
      : [];
    const goals = new Map<string, GoalRow[]>();
    for (const g of goalRows) goals.set(g.case_id, [...(goals.get(g.case_id) ?? []), g]);
    return { rows, goals };
  }

  private overdueOf(row: CaseRow, goals: Map<string, GoalRow[]>, today: string): OverdueItem[] {
    return overdueItems(caseOf(row, goals.get(row.case_id) ?? []), today, this.deadlines).map((i) => ({ ...i, site: row.site as SettlementCode }));
  }

  async caseload(district: string, workerId: string, today: string, scope: ScopeFilter): Promise<Caseload> {
    const sql = scopeSql(scope, { district: 'district', settlement: 'site' }, 3);
    const { rows, goals } = await this.openCases(`district = $1 AND worker_id = $2 AND ${sql.condition}`, [district, workerId, ...sql.params]);
    const openCases: CaseloadCase[] = rows.map((r) => ({
      caseId: r.case_id,
      site: r.site as SettlementCode,
      ...(r.client_id !== null ? { clientId: r.client_id } : {}),
      openedOn: r.opened_on,
      activeAge: r.active_age_registered_on !== null,
      ...(r.next_meeting_on ? { nextMeetingOn: r.next_meeting_on } : {}),
    }));
    const overdue = rows.flatMap((r) => this.overdueOf(r, goals, today));
    const nextMeetings = rows
      .filter((r): r is CaseRow & { next_meeting_on: string } => r.next_meeting_on !== null && r.next_meeting_on >= today)
      .map((r) => ({ caseId: r.case_id, on: r.next_meeting_on }))
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    return { workerId, today, openCases, overdue, nextMeetings };
  }

  async overview(district: string, settlement: string | undefined, today: string, scope: ScopeFilter): Promise<Overview> {
    const sql = scopeSql(scope, { district: 'district', settlement: 'site' }, 3);
    const where = `district = $1 AND ($2::text IS NULL OR site = $2) AND ${sql.condition}`;
    const params = [district, settlement ?? null, ...sql.params];
    const counts = await this.pool.query<{ site: string; open: string; closed: string; active_age: string }>(
      `SELECT site, count(*) FILTER (WHERE status = 'open') AS open, count(*) FILTER (WHERE status = 'closed') AS closed,
              count(*) FILTER (WHERE status = 'open' AND active_age_registered_on IS NOT NULL) AS active_age
         FROM ${this.cases} WHERE ${where} GROUP BY site ORDER BY site`,
      params,
    );
    const { rows, goals } = await this.openCases(where, params);
    const overdueBySite = new Map<string, OverdueItem[]>();
    for (const r of rows) overdueBySite.set(r.site, [...(overdueBySite.get(r.site) ?? []), ...this.overdueOf(r, goals, today)]);
    const settlements: OverviewRow[] = counts.rows.map((c) => {
      const items = overdueBySite.get(c.site) ?? [];
      return {
        site: c.site as SettlementCode,
        openCases: Number(c.open),
        closedCases: Number(c.closed),
        activeAgeCases: Number(c.active_age),
        overdue: items.length,
        escalated: items.filter((i) => i.escalated).length,
      };
    });
    const sum = (k: keyof Omit<OverviewRow, 'site'>) => settlements.reduce((n, s) => n + s[k], 0);
    return {
      district: district as DistrictCode,
      today,
      settlements,
      total: { openCases: sum('openCases'), closedCases: sum('closedCases'), activeAgeCases: sum('activeAgeCases'), overdue: sum('overdue'), escalated: sum('escalated') },
      escalatedItems: [...overdueBySite.values()].flat().filter((i) => i.escalated),
    };
  }
}
