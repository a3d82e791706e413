import {
  type AgreementSigned,
  CASEWORK_ERRORS,
  type DefineProblem,
  type EvaluateGoal,
  type GoalEvaluated,
  type GoalSet,
  type MeasureRecorded,
  type ProblemDefined,
  type RecordMeasure,
  type SetGoal,
  type SignAgreement,
} from '@kapocs/casework/contracts';
import type { CodeCatalogue } from '@kapocs/intake/contracts';
import { CaseworkError } from './casework-error.js';
import { personalOf, requireNewEntry, requireOpenCase, todayOf } from './case-guards.js';
import type { CaseState } from './case.state.js';
import { invalid, requireCode, requireCodes, requireDeadline, requireEntryDate, requireId, requireText } from './validation.js';

export function decideProblem({ data, meta }: DefineProblem, state: CaseState, codes: CodeCatalogue): ProblemDefined[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const definedOn = requireEntryDate('definedOn', data.definedOn, todayOf(meta), c.openedOn);
  const problemTypes = requireCodes(codes, 'problemTypes', 'problemType', data.problemTypes, definedOn);
  const voices = {
    presented: requireText('presented', data.presented),
    workerDefinition: requireText('workerDefinition', data.workerDefinition),
    agreed: requireText('agreed', data.agreed),
  };
  return [{ type: 'casework.ProblemDefined', schemaVersion: 1, data: { caseId: c.caseId, definedOn, problemTypes }, personal: personalOf(c, voices) }];
}

export function decideGoal({ data, meta }: SetGoal, state: CaseState): GoalSet[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const goalId = requireId('goalId', data.goalId);
  if (c.goals[goalId]) throw new CaseworkError(CASEWORK_ERRORS.GOAL_ALREADY_SET, { caseId: c.caseId, goalId }, 'goal already set');
  if (data.term !== 'short' && data.term !== 'long') throw invalid('term', 'not_short_or_long');
  const setOn = todayOf(meta);
  const texts = { goal: requireText('goal', data.goal), means: requireText('means', data.means) };
  return [
    {
      type: 'casework.GoalSet',
      schemaVersion: 1,
      data: {
        caseId: c.caseId,
        goalId,
        term: data.term,
        setOn,
        deadline: requireDeadline(c.caseId, 'deadline', data.deadline, setOn),
        responsible: requireId('responsible', data.responsible),
        ...(data.integrationProgramme ? { integrationProgramme: true } : {}),
      },
      personal: personalOf(c, texts),
    },
  ];
}

export function decideGoalEvaluation({ data, meta }: EvaluateGoal, state: CaseState): GoalEvaluated[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const goal = c.goals[data.goalId];
  // No evaluation of a goal that is not (yet) in the plan: the esetnapló would record a judgement on nothing.
  if (!goal) throw new CaseworkError(CASEWORK_ERRORS.GOAL_NOT_FOUND, { caseId: c.caseId, goalId: data.goalId }, 'goal not found');
  if (goal.status === 'achieved') {
    throw new CaseworkError(CASEWORK_ERRORS.GOAL_ALREADY_ACHIEVED, { caseId: c.caseId, goalId: goal.goalId }, 'goal achieved');
  }
  if (typeof data.achieved !== 'boolean') throw invalid('achieved', 'not_boolean');
  const evaluatedOn = requireEntryDate('evaluatedOn', data.evaluatedOn, todayOf(meta), c.openedOn);
  const newDeadline =
    !data.achieved && data.newDeadline !== undefined ? requireDeadline(c.caseId, 'newDeadline', data.newDeadline, evaluatedOn) : undefined;
  return [
    {
      type: 'casework.GoalEvaluated',
      schemaVersion: 1,
      data: { caseId: c.caseId, goalId: goal.goalId, evaluatedOn, achieved: data.achieved, ...(newDeadline ? { newDeadline } : {}) },
      personal: personalOf(c, { why: requireText('why', data.why) }),
    },
  ];
}

export function decideAgreement({ data, meta }: SignAgreement, state: CaseState): AgreementSigned[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const agreementId = requireId('agreementId', data.agreementId);
  requireNewEntry(c, agreementId);
  if (data.integrationProgramme) {
    if (!c.activeAge) throw new CaseworkError(CASEWORK_ERRORS.NOT_ACTIVE_AGE_CASE, { caseId: c.caseId }, 'not an active-age case');
    if (c.activeAge.programmeAgreedOn) {
      throw new CaseworkError(CASEWORK_ERRORS.PROGRAMME_ALREADY_AGREED, { caseId: c.caseId }, 'programme already agreed');
    }
  }
  if (data.signature !== 'paper_scan' && data.signature !== 'tablet') throw invalid('signature', 'not_paper_scan_or_tablet');
  const signedOn = requireEntryDate('signedOn', data.signedOn, todayOf(meta), c.openedOn);
  const texts = {
    workerUndertakings: requireText('workerUndertakings', data.workerUndertakings),
    clientUndertakings: requireText('clientUndertakings', data.clientUndertakings),
  };
  return [
    {
      type: 'casework.AgreementSigned',
      schemaVersion: 1,
      data: {
        caseId: c.caseId,
        agreementId,
        signedOn,
        expectedCompletion: requireDeadline(c.caseId, 'expectedCompletion', data.expectedCompletion, signedOn),
        signature: data.signature,
        ...(data.documentId !== undefined ? { documentId: requireId('documentId', data.documentId) } : {}),
        ...(data.integrationProgramme ? { integrationProgramme: true } : {}),
      },
      personal: personalOf(c, texts),
    },
  ];
}

export function decideMeasure({ data, meta }: RecordMeasure, state: CaseState, codes: CodeCatalogue): MeasureRecorded[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const measureId = requireId('measureId', data.measureId);
  requireNewEntry(c, measureId);
  const date = requireEntryDate('date', data.date, todayOf(meta), c.openedOn);
  return [
    {
      type: 'casework.MeasureRecorded',
      schemaVersion: 1,
      data: {
        caseId: c.caseId,
        measureId,
        date,
        ...(data.kind !== undefined ? { kind: requireCode(codes, 'kind', 'caseHandling', data.kind, date) } : {}),
        ...(data.contactId !== undefined ? { contactId: requireId('contactId', data.contactId) } : {}),
        ...(data.nextMeetingOn !== undefined ? { nextMeetingOn: requireDeadline(c.caseId, 'nextMeetingOn', data.nextMeetingOn, date) } : {}),
      },
      personal: personalOf(c, { description: requireText('description', data.description) }),
    },
  ];
}
