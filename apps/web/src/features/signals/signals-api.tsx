import type { Session } from '../../session';

/** Wire types of the signals routes (mirrors @kapocs/signals/contracts; the web app does not import lib code). */
export type SubjectKind = 'child' | 'adult' | 'family';
export type Urgency = 'immediate' | 'normal';
export type FeedbackStatus = 'received' | 'being_handled' | 'measures_taken' | 'closed';
export type SignalStatus = 'received' | 'assigned' | 'in_progress' | 'closed';

export interface ContactPerson {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

/** The body of POST …/signals (portal, staff recording and the public form share it). */
export interface SignalRequest {
  readonly signalId: string;
  readonly settlement: string;
  readonly subjectKind: SubjectKind;
  readonly categories: readonly string[];
  readonly observedSince?: string;
  readonly urgency: Urgency;
  readonly subject: { readonly name?: string; readonly birthDate?: string; readonly taj?: string; readonly address?: string; readonly description?: string };
  readonly observed: string;
  readonly signaller?: ContactPerson;
  readonly channel?: string;
  readonly organisationId?: string;
}

export interface SubmitSignalReply {
  readonly signalId: string;
  readonly reference: string;
  readonly critical: boolean;
  readonly onCallNumber?: string;
  readonly version: string;
  readonly checkpoint: string;
  readonly attachments?: readonly AttachmentInfo[];
}

export interface AttachmentInfo {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}

/** Server limits of attachments (signals-api: 5 files of 10 MiB, type decided by content). */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10_485_760,
  maxFiles: 5,
  accept: '.pdf,.jpg,.jpeg,.png,.docx,.odt,application/pdf,image/jpeg,image/png',
};

/** JSON without attachments; multipart (`signal` JSON part + `files` parts) with them. */
export function submissionBody(body: object, files: readonly File[]): object | FormData {
  if (files.length === 0) return body;
  const form = new FormData();
  form.append('signal', JSON.stringify(body));
  for (const f of files) form.append('files', f, f.name);
  return form;
}

export interface FeedbackItem {
  readonly signalId: string;
  readonly reference: string;
  readonly submittedAt: string;
  readonly subjectKind: SubjectKind;
  readonly status: FeedbackStatus;
  readonly statusSince: string;
}

export interface QueueItem {
  readonly signalId: string;
  readonly reference: string;
  readonly settlement: string;
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
  readonly dueOn?: string;
  readonly overdue: boolean;
  readonly escalated: boolean;
  /** The stream version after the last event the queue applied (the If-Match of the next triage step). */
  readonly version?: string;
}

/** A signal's content for staff in scope (`GET …/settlements/:s/signals/:id`, audited). */
export interface SignalDetails {
  readonly signalId: string;
  readonly reference: string;
  readonly subjectKind: SubjectKind;
  readonly urgency: string;
  readonly observedSince?: string;
  readonly subject: { readonly name?: string; readonly birthDate?: string; readonly taj?: string; readonly address?: string; readonly description?: string };
  readonly observed?: string;
  readonly signaller?: { readonly name: string; readonly phone?: string; readonly email?: string };
  readonly attachments: readonly { readonly attachmentId: string; readonly fileName: string; readonly mediaType: string; readonly size: number }[];
  readonly measures: readonly { readonly measureId: string; readonly kind: string; readonly date: string; readonly note?: string }[];
  readonly erased: boolean;
  readonly version: string;
}

export interface Queue {
  readonly today: string;
  readonly items: readonly QueueItem[];
}

export interface MatchAlert {
  readonly alertId: string;
  readonly settlement: string;
  readonly signalId: string;
  readonly kind: 'signalled_before' | 'open_case' | 'identity_client' | 'identity_signal';
  readonly matchedSignalId?: string;
  readonly matchedCaseId?: string;
  readonly clientId?: string;
  readonly notifyWorkerId?: string;
  readonly raisedAt: string;
}

export interface MemberRow {
  readonly organisationId: string;
  readonly name: string;
  readonly category: string;
  readonly settlements: readonly string[];
  readonly portalUsers: number;
  readonly registeredOn: string;
}

export interface StatisticsCount {
  readonly key: string;
  readonly signals: number;
  readonly subjectKind?: string;
}

export interface SignalStatistics {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly critical: number;
  readonly bySubjectKind: readonly StatisticsCount[];
  readonly byMemberCategory: readonly StatisticsCount[];
  readonly bySettlement: readonly StatisticsCount[];
  readonly byCategory: readonly StatisticsCount[];
  readonly byChannel: readonly StatisticsCount[];
  readonly handling: { readonly closed: number; readonly open: number; readonly medianDaysToFirstMeasure?: number; readonly medianDaysToClose?: number };
}

export interface TriageReply {
  readonly signalId: string;
  readonly version: string;
  readonly checkpoint: string;
}

export const STAFF_ROLES = new Set(['settlement_worker', 'district_worker', 'case_manager', 'head']);
export const MEMBER_ADMIN_ROLES = new Set(['district_worker', 'case_manager', 'head']);

/** The portal routes of the member organisation in the token. */
export const portalPath = (s: Session): string => `/districts/${s.claims.district}/organisations/${encodeURIComponent(s.claims.organisation ?? '')}/signals`;

export const staffSignalPath = (s: Session, settlement: string, signalId: string): string =>
  `/districts/${s.claims.district}/settlements/${settlement}/signals/${signalId}`;

/** Local date and time of an ISO instant, in the UI language. */
export const formatInstant = (iso: string, lang: string): string =>
  new Date(iso).toLocaleString(lang === 'hu' ? 'hu-HU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
