import type { Pool } from 'pg';
import type { Actor, DistrictCode } from '@kapocs/shared/kernel';
import { quoteIdent } from '@kapocs/platform/postgres';
import { type ScopeFilter } from './scope-filter.js';

/** One read of a data subject's personal data: who, when, what, why. */
export interface AuditRecord {
  readonly id: string;
  readonly at: string;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly district: DistrictCode;
  readonly subjectId: string;
  readonly action: string;
  readonly purpose: string;
  readonly correlationId: string;
}

export interface AuditEntry {
  readonly actor: Actor;
  readonly district: DistrictCode;
  readonly subjectId: string;
  readonly action: string;
  readonly purpose: string;
  readonly correlationId: string;
}

interface Row {
  id: string;
  at: Date;
  actor_user_id: string;
  actor_role: string;
  district: string;
  subject_id: string;
  action: string;
  purpose: string;
  correlation_id: string;
}

/** Writes and lists the audit trail of personal-data reads (table of `authMigrations`). */
export class AuditLog {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.audit_log`;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (actor_user_id, actor_role, district, subject_id, action, purpose, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.actor.userId, entry.actor.role, entry.district, entry.subjectId, entry.action, entry.purpose, entry.correlationId],
    );
  }

  /**
   * One record per subject of a read that returned several (a search page, a day of the forgalmi napló, an export),
   * in one statement: the read's cost does not grow with a round trip per subject.
   */
  async recordMany(
    base: Omit<AuditEntry, 'subjectId'>,
    subjectIds: readonly string[],
  ): Promise<void> {
    const unique = [...new Set(subjectIds)];
    if (unique.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.table} (actor_user_id, actor_role, district, subject_id, action, purpose, correlation_id)
       SELECT $1, $2, $3, s, $5, $6, $7 FROM unnest($4::text[]) AS s`,
      [base.actor.userId, base.actor.role, base.district, unique, base.action, base.purpose, base.correlationId],
    );
  }

  /** Every recorded read of `subjectId`, oldest first, limited to the districts `scope` allows. */
  async listBySubject(subjectId: string, scope?: ScopeFilter): Promise<AuditRecord[]> {
    const district = scope?.district ?? null;
    const { rows } = await this.pool.query<Row>(
      `SELECT id, at, actor_user_id, actor_role, district, subject_id, action, purpose, correlation_id
         FROM ${this.table} WHERE subject_id = $1 AND ($2::text IS NULL OR district = $2) ORDER BY id`,
      [subjectId, district],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      district: r.district as DistrictCode,
      subjectId: r.subject_id,
      action: r.action,
      purpose: r.purpose,
      correlationId: r.correlation_id,
    }));
  }
}
