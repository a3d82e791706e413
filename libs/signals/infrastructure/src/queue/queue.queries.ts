import type { Pool } from 'pg';
import { type FeedbackItem, type MemberRow, type Queue, type QueueItem, type SignalStatus, type SubjectKind } from '@kapocs/signals/contracts';
import { feedbackStatusOf, localDateOf, signalDeadline, type SignalDeadlineRules } from '@kapocs/signals/domain';
import { type ScopeFilter, scopeSql } from '@kapocs/platform/auth';
import { quoteIdent } from '@kapocs/platform/postgres';
import type { SettlementCode } from '@kapocs/shared/kernel';

interface SignalRow {
  signal_id: string;
  reference: string;
  settlement: string;
  channel: string;
  organisation_id: string | null;
  member_category: string | null;
  subject_kind: SubjectKind;
  categories: string[];
  critical: boolean;
  submitted_at: Date;
  status: SignalStatus;
  status_since: Date;
  assigned_to: string | null;
  client_id: string | null;
  registration_requested: boolean;
  measures: number;
  first_measure_on: string | null;
  stream_version: string;
}

const COLUMNS = `signal_id, reference, settlement, channel, organisation_id, member_category, subject_kind, categories, critical,
  submitted_at, status, status_since, assigned_to, client_id, registration_requested, measures, first_measure_on::text, stream_version::text`;

/** Queues, member register and feedback over the signals schema; every statement carries the caller's scope. */
export class SignalQueueQueries {
  private readonly signals: string;
  private readonly members: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly deadlines?: readonly SignalDeadlineRules[],
  ) {
    this.signals = `${quoteIdent(schema)}.signals`;
    this.members = `${quoteIdent(schema)}.members`;
  }

  async memberList(district: string): Promise<MemberRow[]> {
    const { rows } = await this.pool.query<{ organisation_id: string; name: string; category: string; settlements: string[]; portal_users: number; registered_on: string }>(
      `SELECT organisation_id, name, category, settlements, portal_users, registered_on::text FROM ${this.members} WHERE district = $1 ORDER BY name, organisation_id`,
      [district],
    );
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      name: r.name,
      category: r.category,
      settlements: r.settlements as SettlementCode[],
      portalUsers: r.portal_users,
      registeredOn: r.registered_on,
    }));
  }

  /** The staff queue: open signals first, critical first, oldest first; the settlement service's or the district's. */
  async queue(district: string, filter: { settlement?: string; reference?: string; organisationId?: string }, today: string, scope: ScopeFilter): Promise<Queue> {
    const sql = scopeSql(scope, { district: 'district', settlement: 'settlement' }, 5);
    const { rows } = await this.pool.query<SignalRow>(
      `SELECT ${COLUMNS} FROM ${this.signals}
        WHERE district = $1 AND ($2::text IS NULL OR settlement = $2) AND ($3::text IS NULL OR reference = $3)
          AND ($4::text IS NULL OR organisation_id = $4) AND ${sql.condition}
        ORDER BY (status = 'closed'), critical DESC, submitted_at, signal_id LIMIT 500`,
      [district, filter.settlement ?? null, filter.reference ?? null, filter.organisationId ?? null, ...sql.params],
    );
    const items: QueueItem[] = rows.map((r) => {
      const deadline = signalDeadline(
        { submittedOn: localDateOf(r.submitted_at), critical: r.critical, closed: r.status === 'closed', ...(r.first_measure_on ? { firstMeasureOn: r.first_measure_on } : {}) },
        today,
        this.deadlines,
      );
      return {
        signalId: r.signal_id,
        reference: r.reference,
        settlement: r.settlement as SettlementCode,
        channel: r.channel,
        ...(r.organisation_id ? { organisationId: r.organisation_id } : {}),
        ...(r.member_category ? { memberCategory: r.member_category } : {}),
        subjectKind: r.subject_kind,
        categories: r.categories,
        critical: r.critical,
        submittedAt: r.submitted_at.toISOString(),
        status: r.status,
        ...(r.assigned_to ? { assignedTo: r.assigned_to } : {}),
        ...(r.client_id ? { clientId: r.client_id } : {}),
        registrationRequested: r.registration_requested,
        ...(r.first_measure_on ? { firstMeasureOn: r.first_measure_on } : {}),
        ...(deadline.dueOn ? { dueOn: deadline.dueOn } : {}),
        overdue: deadline.overdue,
        escalated: deadline.escalated,
        version: r.stream_version,
      };
    });
    return { today, items };
  }

  /** A member's own signals, optionally one by id or reference; the organisation is always part of the condition. */
  async feedback(district: string, organisationId: string, by: { signalId?: string; reference?: string }): Promise<FeedbackItem[]> {
    const { rows } = await this.pool.query<SignalRow>(
      `SELECT ${COLUMNS} FROM ${this.signals}
        WHERE district = $1 AND organisation_id = $2 AND ($3::text IS NULL OR signal_id = $3) AND ($4::text IS NULL OR reference = $4)
        ORDER BY submitted_at DESC, signal_id LIMIT 500`,
      [district, organisationId, by.signalId ?? null, by.reference ?? null],
    );
    return rows.map((r) => ({
      signalId: r.signal_id,
      reference: r.reference,
      submittedAt: r.submitted_at.toISOString(),
      subjectKind: r.subject_kind,
      status: feedbackStatusOf({ closed: r.status === 'closed', measures: r.measures, assigned: r.assigned_to !== null, linked: r.client_id !== null }),
      statusSince: r.status_since.toISOString(),
    }));
  }

}
