import type { CommandMeta, SettlementCode } from '@kapocs/shared/kernel';
import type { BreachRecipient } from '../events/active-age.js';
import type { GoalTerm, SignatureCapture } from '../events/care-plan.js';
import type { ActiveAgeStart } from '../events/case-lifecycle.js';

/**
 * A command as the casework handlers receive it: the payload from the gateway, the meta stamped by the casework
 * service from the verified request, and the version the caller's change was based on (`If-Match`), if sent.
 */
export interface CaseworkCommand<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: CommandMeta;
  readonly expectedVersion?: string;
}

export interface OpenCaseData {
  readonly caseId: string;
  readonly site: SettlementCode;
  readonly clientId: string;
  readonly memberIds?: readonly string[];
  readonly responsibleWorkerId: string;
  readonly openedOn: string;
  readonly activeAge?: ActiveAgeStart;
}
/** Gondozásba vétel. */
export type OpenCase = CaseworkCommand<'OpenCase', OpenCaseData>;

export interface DefineProblemData {
  readonly caseId: string;
  readonly definedOn: string;
  readonly problemTypes: readonly string[];
  readonly presented: string;
  readonly workerDefinition: string;
  readonly agreed: string;
}
export type DefineProblem = CaseworkCommand<'DefineProblem', DefineProblemData>;

export interface SetGoalData {
  readonly caseId: string;
  readonly goalId: string;
  readonly term: GoalTerm;
  readonly deadline: string;
  readonly responsible: string;
  readonly goal: string;
  readonly means: string;
  readonly integrationProgramme?: boolean;
}
export type SetGoal = CaseworkCommand<'SetGoal', SetGoalData>;

export interface EvaluateGoalData {
  readonly caseId: string;
  readonly goalId: string;
  readonly evaluatedOn: string;
  readonly achieved: boolean;
  readonly why: string;
  readonly newDeadline?: string;
}
export type EvaluateGoal = CaseworkCommand<'EvaluateGoal', EvaluateGoalData>;

export interface SignAgreementData {
  readonly caseId: string;
  readonly agreementId: string;
  readonly signedOn: string;
  readonly expectedCompletion: string;
  readonly signature: SignatureCapture;
  readonly documentId?: string;
  readonly workerUndertakings: string;
  readonly clientUndertakings: string;
  /** This agreement is the aktív korúak beilleszkedési program. */
  readonly integrationProgramme?: boolean;
}
export type SignAgreement = CaseworkCommand<'SignAgreement', SignAgreementData>;

export interface RecordMeasureData {
  readonly caseId: string;
  readonly measureId: string;
  readonly date: string;
  readonly kind?: string;
  readonly contactId?: string;
  readonly nextMeetingOn?: string;
  readonly description: string;
}
export type RecordMeasure = CaseworkCommand<'RecordMeasure', RecordMeasureData>;

export type EvaluateProcess = CaseworkCommand<'EvaluateProcess', { readonly caseId: string; readonly evaluatedOn: string; readonly summary: string }>;
/** The checker is the acting head. */
export type CheckCase = CaseworkCommand<'CheckCase', { readonly caseId: string; readonly checkedOn: string; readonly remarks: string }>;
export type HandOverCase = CaseworkCommand<
  'HandOverCase',
  { readonly caseId: string; readonly toWorkerId: string; readonly handedOverOn: string; readonly reason: string }
>;
export type CloseCase = CaseworkCommand<'CloseCase', { readonly caseId: string; readonly closedOn: string; readonly reason: string }>;
export type ReopenCase = CaseworkCommand<'ReopenCase', { readonly caseId: string; readonly reopenedOn: string; readonly reason: string }>;
export type RecordPersonalMeeting = CaseworkCommand<
  'RecordPersonalMeeting',
  { readonly caseId: string; readonly heldOn: string; readonly notes: string }
>;
export type WriteYearlyEvaluation = CaseworkCommand<
  'WriteYearlyEvaluation',
  { readonly caseId: string; readonly writtenOn: string; readonly evaluation: string }
>;
export type NotifyCooperationBreach = CaseworkCommand<
  'NotifyCooperationBreach',
  { readonly caseId: string; readonly notifiedOn: string; readonly recipient: BreachRecipient; readonly facts: string }
>;

/** Commands on an existing case stream. */
export type CaseUpdateCommand =
  | DefineProblem
  | SetGoal
  | EvaluateGoal
  | SignAgreement
  | RecordMeasure
  | EvaluateProcess
  | CheckCase
  | HandOverCase
  | CloseCase
  | ReopenCase
  | RecordPersonalMeeting
  | WriteYearlyEvaluation
  | NotifyCooperationBreach;
export type CaseCommand = OpenCase | CaseUpdateCommand;
