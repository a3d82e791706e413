import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { SubjectKind, Urgency } from './codes.js';
import type { AttachmentSummary } from './commands/payloads.js';
import type { ContactPerson } from './events/signal-member.js';

/** Where a signal stands, as staff see it; the member sees only the coarser FeedbackStatus. */
export type SignalStatus = 'received' | 'assigned' | 'in_progress' | 'closed';

/** Visszajelzés — what the law lets the signaller know: never the family's details. */
export type FeedbackStatus = 'received' | 'being_handled' | 'measures_taken' | 'closed';

export interface MembersQuery {
  readonly district: DistrictCode;
  readonly after?: string;
}
export interface MemberRow {
  readonly organisationId: string;
  readonly name: string;
  readonly category: string;
  readonly settlements: readonly SettlementCode[];
  readonly portalUsers: number;
  readonly registeredOn: string;
}

export interface QueueQuery {
  readonly district: DistrictCode;
  readonly settlement?: SettlementCode;
  /** A signaller quoting its reference number, or all signals of one member organisation. */
  readonly reference?: string;
  readonly organisationId?: string;
  readonly today?: string;
  readonly after?: string;
}
export interface QueueItem {
  readonly signalId: string;
  readonly reference: string;
  readonly settlement: SettlementCode;
  readonly channel: string;
  readonly organisationId?: string;
  readonly memberCategory?: string;
  readonly subjectKind: SubjectKind;
  readonly categories: readonly string[];
  readonly critical: boolean;
  readonly submittedAt: string;
  readonly status: SignalStatus;
  readonly assignedTo?: string;
  readonly clientId?: string;
  readonly registrationRequested: boolean;
  readonly firstMeasureOn?: string;
  /** The handling deadline that is running (first measure, then closure), per the rules of the submission day. */
  readonly dueOn?: string;
  readonly overdue: boolean;
  /** Overdue past the head's grace period: shown to the head. */
  readonly escalated: boolean;
  /** The signal stream's version after the last event the queue applied: the If-Match of the next triage step. */
  readonly version: string;
}
export interface Queue {
  readonly today: string;
  readonly items: readonly QueueItem[];
}

export interface AlertsQuery {
  readonly district: DistrictCode;
  readonly settlement?: SettlementCode;
  /** Only the alerts addressed to this worker. */
  readonly workerId?: string;
  readonly after?: string;
}
/**
 * Egyezés — a signal concerns a client another signal (from any member) or an open case is already about. Ids only:
 * the handler opens the matched signal or case in the usual, scoped way. `identity_*` alerts come before linking,
 * from the subject's identity (name + birth date, or TAJ): `identity_client` names the register's client,
 * `identity_signal` another unlinked signal (and no client).
 */
export interface MatchAlert {
  readonly alertId: string;
  readonly settlement: SettlementCode;
  readonly signalId: string;
  readonly kind: 'signalled_before' | 'open_case' | 'identity_client' | 'identity_signal';
  readonly matchedSignalId?: string;
  readonly matchedCaseId?: string;
  readonly clientId?: string;
  readonly notifyWorkerId?: string;
  readonly raisedAt: string;
}

export interface StatisticsQuery {
  readonly district: DistrictCode;
  /** Submission days, inclusive (Budapest calendar). */
  readonly from: string;
  readonly to: string;
  readonly settlement?: SettlementCode;
  readonly after?: string;
}
export interface StatisticsCount {
  readonly key: string;
  readonly signals: number;
}
/**
 * Jelzőrendszeri statisztika: what the annual action plan and the signal-system meeting need (seed 004, AP-4, AP-7),
 * every breakdown split child / adult / family too.
 */
export interface SignalStatistics {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly critical: number;
  readonly bySubjectKind: readonly StatisticsCount[];
  readonly byMemberCategory: readonly (StatisticsCount & { readonly subjectKind: string })[];
  readonly bySettlement: readonly (StatisticsCount & { readonly subjectKind: string })[];
  readonly byCategory: readonly (StatisticsCount & { readonly subjectKind: string })[];
  readonly byChannel: readonly StatisticsCount[];
  readonly handling: {
    readonly closed: number;
    readonly open: number;
    /** Days from submission to the first measure / to closure, median over the signals that got there. */
    readonly medianDaysToFirstMeasure?: number;
    readonly medianDaysToClose?: number;
  };
}

export interface FeedbackQuery {
  readonly district: DistrictCode;
  readonly organisationId: string;
  readonly signalId?: string;
  readonly reference?: string;
  readonly after?: string;
}
export interface FeedbackItem {
  readonly signalId: string;
  readonly reference: string;
  readonly submittedAt: string;
  readonly subjectKind: SubjectKind;
  readonly status: FeedbackStatus;
  readonly statusSince: string;
}

export interface SignalDetailsQuery {
  readonly district: DistrictCode;
  readonly settlement: SettlementCode;
  readonly signalId: string;
}
export interface SignalDetailsMeasure {
  readonly measureId: string;
  readonly kind: string;
  readonly date: string;
  readonly note?: string;
}
/**
 * A jelzés as staff in scope triage it: what was observed and since when, who it is about, how to reach the
 * signaller, the attachments' names and the measures. Personal fields are absent once the subject was shredded
 * (`erased`). Never for members: they see only the FeedbackItem.
 */
export interface SignalDetails {
  readonly signalId: string;
  readonly reference: string;
  readonly settlement: SettlementCode;
  readonly source: 'portal' | 'staff' | 'public';
  readonly channel: string;
  readonly organisationId?: string;
  readonly memberCategory?: string;
  readonly subjectKind: SubjectKind;
  readonly categories: readonly string[];
  readonly urgency: Urgency;
  readonly critical: boolean;
  readonly submittedAt: string;
  readonly observedSince?: string;
  readonly subject: { readonly name?: string; readonly birthDate?: string; readonly taj?: string; readonly address?: string; readonly description?: string };
  readonly observed?: string;
  readonly signaller?: ContactPerson;
  readonly attachments: readonly AttachmentSummary[];
  readonly measures: readonly SignalDetailsMeasure[];
  readonly erased: boolean;
  /** The stream version (the If-Match of the next triage step). */
  readonly version: string;
}
