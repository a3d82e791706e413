import { ApiError } from '../../api';

/** The shapes of the casework API (mirrors of @kapocs/casework/contracts: the web app imports no server code). */
export interface CoverChild {
  readonly clientId: string;
  readonly name?: string;
  readonly age?: number;
}

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
  readonly responsibleWorkerName?: string;
  readonly erased: boolean;
}

export interface CaseLogEntry {
  readonly seq: number;
  readonly type: string;
  readonly date: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorName?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly texts?: Readonly<Record<string, unknown>>;
}

export interface OverdueItem {
  readonly caseId: string;
  readonly kind: string;
  readonly itemId?: string;
  readonly dueOn: string;
  readonly escalated: boolean;
  readonly site?: string;
}

export interface CaseLog {
  readonly caseId: string;
  readonly district: string;
  readonly site: string;
  readonly status: 'open' | 'closed';
  readonly version: string;
  readonly asOf?: string;
  readonly activeAge: boolean;
  readonly cover: CoverPage;
  readonly lastCheck?: { readonly checkerId: string; readonly checkerName?: string; readonly checkedOn: string };
  readonly entries: readonly CaseLogEntry[];
  readonly overdue: readonly OverdueItem[];
}

export interface CaseloadCase {
  readonly caseId: string;
  readonly site: string;
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

export interface OverviewRow {
  readonly site: string;
  readonly openCases: number;
  readonly closedCases: number;
  readonly activeAgeCases: number;
  readonly escalated: number;
  readonly overdue: number;
}

export interface Overview {
  readonly district: string;
  readonly today: string;
  readonly settlements: readonly OverviewRow[];
  readonly total: Omit<OverviewRow, 'site'>;
  readonly escalatedItems: readonly OverdueItem[];
}

export interface CaseCommandReply {
  readonly caseId: string;
  readonly version: string;
  readonly checkpoint: string;
}

/** A 412: another worker changed the case since the page loaded it. */
export const isStale = (e: unknown): boolean => e instanceof ApiError && (e.status === 412 || e.body.code === 'WRONG_EXPECTED_VERSION');

export const casePath = (site: string, caseId: string) => `/cases/${site}/${caseId}`;

/** Comma, space or semicolon separated codes. */
export const codes = (s: string): string[] =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
