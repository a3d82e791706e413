import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { CaseTarget } from './commands/payloads.js';

/** Payload of `casework.query.case-log`: the esetnapló as it is, or as it stood at the end of `asOf`. */
export interface CaseLogQuery extends CaseTarget {
  readonly caseId: string;
  /** ISO date: events recorded after that Budapest day are left out. */
  readonly asOf?: string;
  /** The `nextEntry` of the previous reply: the same log with the entries from there on. */
  readonly entriesFrom?: number;
}

/**
 * The reply of `casework.query.case-log`: the log, the clients it names (for the read audit) and, when the entries
 * did not fit one reply (~512 KB, half of NATS's default `max_payload`), where to ask on (`entriesFrom`).
 */
export type CaseLogReply = CaseLog & { readonly clientIds: readonly string[]; readonly nextEntry?: number };

/** A child of the family on the cover page (gyermekeinek neve, életkora). */
export interface CoverChild {
  readonly clientId: string;
  readonly name?: string;
  readonly age?: number;
}

/** Fedőlap — the cover page, identity from the client register at the time asked for (absent once erased). */
export interface CoverPage {
  readonly clientId: string;
  readonly registeredOn?: string;
  readonly registerNumber?: number;
  readonly individualId?: string;
  readonly name?: string;
  readonly birthYear?: number;
  readonly economicActivity?: string;
  readonly education?: string;
  readonly familyStatus?: string;
  readonly residence?: string;
  readonly placeOfStay?: string;
  readonly children: readonly CoverChild[];
  readonly careStartedOn: string;
  readonly careEndedOn?: string;
  readonly responsibleWorkerId: string;
  /** The esetfelelős's name as last recorded (StaffMemberNamed) up to the day asked for; absent when never named. */
  readonly responsibleWorkerName?: string;
  /** Erased (Szt. 23. §): the personal fields are gone for good. */
  readonly erased: boolean;
}

/** One dated entry of the inner content, in recording order: the timeline. */
export interface CaseLogEntry {
  readonly seq: number;
  readonly type: string;
  readonly date: string;
  readonly recordedAt: string;
  readonly actorId: string;
  /** The recording worker's name, when casework knows it. */
  readonly actorName?: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The entry's texts; absent after erasure. */
  readonly texts?: Readonly<Record<string, unknown>>;
}

/** Esetnapló (1/2000. SzCsM r. 7. melléklet): cover page and inner content of one case. */
export interface CaseLog {
  readonly caseId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly status: 'open' | 'closed';
  readonly version: string;
  readonly asOf?: string;
  readonly activeAge: boolean;
  readonly cover: CoverPage;
  readonly lastCheck?: { readonly checkerId: string; readonly checkerName?: string; readonly checkedOn: string };
  readonly entries: readonly CaseLogEntry[];
  /** Deadlines past due on the day asked for (or today). */
  readonly overdue: readonly OverdueItem[];
}

export type OverdueKind = 'goal' | 'agreement' | 'integration_programme' | 'personal_meeting' | 'yearly_evaluation';
/** A deadline missed; `escalated` once the head's grace period is over too. */
export interface OverdueItem {
  readonly caseId: string;
  readonly kind: OverdueKind;
  readonly itemId?: string;
  readonly dueOn: string;
  readonly escalated: boolean;
  /** The case's settlement, in the caseload and the overview (to link the case). */
  readonly site?: SettlementCode;
}

/** Payload of `casework.query.caseload`: a worker's cases (the caller's own unless a head names one). */
export interface CaseloadQuery {
  readonly district: DistrictCode;
  readonly workerId: string;
  readonly today?: string;
  readonly after?: string;
}
export interface CaseloadCase {
  readonly caseId: string;
  readonly site: SettlementCode;
  /** Absent once the client is erased (Szt. 23. §): the caseload keeps no id of an erased client. */
  readonly clientId?: string;
  readonly openedOn: string;
  readonly activeAge: boolean;
  readonly nextMeetingOn?: string;
}
export interface Caseload {
  readonly workerId: string;
  readonly today: string;
  readonly openCases: readonly CaseloadCase[];
  readonly overdue: readonly OverdueItem[];
  readonly nextMeetings: readonly { readonly caseId: string; readonly on: string }[];
}

/** Payload of `casework.query.overview`: the head's counts per settlement of the district. */
export interface OverviewQuery {
  readonly district: DistrictCode;
  readonly settlement?: SettlementCode;
  readonly today?: string;
  readonly after?: string;
}
export interface OverviewRow {
  readonly site: SettlementCode;
  readonly openCases: number;
  readonly closedCases: number;
  readonly activeAgeCases: number;
  /** Deadlines past the head's grace period: the ones the head must see. */
  readonly escalated: number;
  readonly overdue: number;
}
export interface Overview {
  readonly district: DistrictCode;
  readonly today: string;
  readonly settlements: readonly OverviewRow[];
  readonly total: Omit<OverviewRow, 'site'>;
  readonly escalatedItems: readonly OverdueItem[];
}
