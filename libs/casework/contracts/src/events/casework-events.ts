import {
  COOPERATION_BREACH_NOTIFIED,
  type CooperationBreachNotified,
  PERSONAL_MEETING_HELD,
  type PersonalMeetingHeld,
  YEARLY_EVALUATION_WRITTEN,
  type YearlyEvaluationWritten,
} from './active-age.js';
import {
  AGREEMENT_SIGNED,
  type AgreementSigned,
  GOAL_EVALUATED,
  GOAL_SET,
  type GoalEvaluated,
  type GoalSet,
  MEASURE_RECORDED,
  type MeasureRecorded,
  PROBLEM_DEFINED,
  type ProblemDefined,
} from './care-plan.js';
import {
  CASE_CHECKED,
  CASE_CLOSED,
  CASE_HANDED_OVER,
  CASE_OPENED,
  CASE_REOPENED,
  type CaseChecked,
  type CaseClosed,
  type CaseHandedOver,
  type CaseOpened,
  type CaseReopened,
  PROCESS_EVALUATED,
  type ProcessEvaluated,
} from './case-lifecycle.js';

/** Every event of a case stream (`case-<caseId>`). */
export type CaseEvent =
  | CaseOpened
  | ProblemDefined
  | GoalSet
  | GoalEvaluated
  | AgreementSigned
  | MeasureRecorded
  | ProcessEvaluated
  | CaseChecked
  | CaseHandedOver
  | CaseClosed
  | CaseReopened
  | PersonalMeetingHeld
  | YearlyEvaluationWritten
  | CooperationBreachNotified;

export const CASE_EVENT_TYPES = [
  CASE_OPENED,
  PROBLEM_DEFINED,
  GOAL_SET,
  GOAL_EVALUATED,
  AGREEMENT_SIGNED,
  MEASURE_RECORDED,
  PROCESS_EVALUATED,
  CASE_CHECKED,
  CASE_HANDED_OVER,
  CASE_CLOSED,
  CASE_REOPENED,
  PERSONAL_MEETING_HELD,
  YEARLY_EVALUATION_WRITTEN,
  COOPERATION_BREACH_NOTIFIED,
] as const satisfies readonly CaseEvent['type'][];

/** Stream id of a case (DESIGN.md §3: streams are aggregates). */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;
