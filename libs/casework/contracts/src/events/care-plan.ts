import type { CaseRef, CaseworkEvent } from './casework-event.js';

export const PROBLEM_DEFINED = 'casework.ProblemDefined';
export const GOAL_SET = 'casework.GoalSet';
export const GOAL_EVALUATED = 'casework.GoalEvaluated';
export const AGREEMENT_SIGNED = 'casework.AgreementSigned';
export const MEASURE_RECORDED = 'casework.MeasureRecorded';

export interface ProblemDefinedData extends CaseRef {
  readonly definedOn: string;
  /** Code list `problemType` of intake (the shared code list), valid on `definedOn`. */
  readonly problemTypes: readonly string[];
}
/** The three voices of the problem definition (1/2000. SzCsM r. 7. melléklet, belső tartalom 1.). */
export interface ProblemVoices {
  /** Hozott probléma: as the client presents it. */
  readonly presented: string;
  /** The worker's definition. */
  readonly workerDefinition: string;
  /** The problem client and worker agreed to work on. */
  readonly agreed: string;
}
/** A probléma definíciója — later problems are defined again during the care process. */
export type ProblemDefined = CaseworkEvent<typeof PROBLEM_DEFINED, 1, ProblemDefinedData, ProblemVoices>;

export type GoalTerm = 'short' | 'long';
export interface GoalSetData extends CaseRef {
  readonly goalId: string;
  readonly term: GoalTerm;
  readonly setOn: string;
  readonly deadline: string;
  /** The user id of the responsible worker, or `client` when the client is responsible. */
  readonly responsible: string;
  /** Part of the aktív korúak beilleszkedési program. */
  readonly integrationProgramme?: boolean;
}
/** Cselekvési terv — one goal of the action plan with its means; the deadline is watched. */
export type GoalSet = CaseworkEvent<typeof GOAL_SET, 1, GoalSetData, { readonly goal: string; readonly means: string }>;

export interface GoalEvaluatedData extends CaseRef {
  readonly goalId: string;
  readonly evaluatedOn: string;
  readonly achieved: boolean;
  /** A goal not achieved may get a new deadline; without one it is dropped. */
  readonly newDeadline?: string;
}
/** Célértékelés — achieved or not, why, and the new deadline. */
export type GoalEvaluated = CaseworkEvent<typeof GOAL_EVALUATED, 1, GoalEvaluatedData, { readonly why: string }>;

export type SignatureCapture = 'paper_scan' | 'tablet';
export interface AgreementSignedData extends CaseRef {
  readonly agreementId: string;
  readonly signedOn: string;
  readonly expectedCompletion: string;
  /** How the client's signature was captured: signed on paper and scanned, or signed on a tablet. */
  readonly signature: SignatureCapture;
  /** The scan or the tablet signature in the document store, when there is one. */
  readonly documentId?: string;
  readonly integrationProgramme?: boolean;
}
export interface AgreementTexts {
  readonly workerUndertakings: string;
  readonly clientUndertakings: string;
}
/** Megállapodás (1/2000. SzCsM r. 32. §) — what the worker and the client undertake, signed by both. */
export type AgreementSigned = CaseworkEvent<typeof AGREEMENT_SIGNED, 1, AgreementSignedData, AgreementTexts>;

export interface MeasureRecordedData extends CaseRef {
  readonly measureId: string;
  readonly date: string;
  /** Code list `caseHandling` of intake, when the measure is a kind of case handling. */
  readonly kind?: string;
  /** The forgalmi napló entry of the same contact (intake), so it is never entered twice. */
  readonly contactId?: string;
  /** The next personal meeting agreed, if any (caseload "next meetings"). */
  readonly nextMeetingOn?: string;
}
/** Intézkedés — every professional activity about the client, dated. */
export type MeasureRecorded = CaseworkEvent<typeof MEASURE_RECORDED, 1, MeasureRecordedData, { readonly description: string }>;
