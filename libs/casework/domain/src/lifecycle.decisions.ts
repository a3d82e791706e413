import {
  type CaseChecked,
  type CaseClosed,
  type CaseHandedOver,
  type CaseReopened,
  CASEWORK_ERRORS,
  type CheckCase,
  type CloseCase,
  type CooperationBreachNotified,
  type EvaluateProcess,
  type HandOverCase,
  type NotifyCooperationBreach,
  type PersonalMeetingHeld,
  type ProcessEvaluated,
  type RecordPersonalMeeting,
  type ReopenCase,
  type WriteYearlyEvaluation,
  type YearlyEvaluationWritten,
} from '@kapocs/casework/contracts';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { CaseworkError } from './casework-error.js';
import { personalOf, requireCase, requireOpenCase, todayOf } from './case-guards.js';
import type { CaseState, OpenedCase } from './case.state.js';
import { invalid, requireEntryDate, requireId, requireText } from './validation.js';

export function decideProcessEvaluation({ data, meta }: EvaluateProcess, state: CaseState): ProcessEvaluated[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const evaluatedOn = requireEntryDate('evaluatedOn', data.evaluatedOn, todayOf(meta), c.openedOn);
  return [
    {
      type: 'casework.ProcessEvaluated',
      schemaVersion: 1,
      data: { caseId: c.caseId, evaluatedOn },
      personal: personalOf(c, { summary: requireText('summary', data.summary) }),
    },
  ];
}

/** The supervisory check is the head's (1/2000. SzCsM r. 31. § (3)); a closed file can be checked too. */
export function decideCheck({ data, meta }: CheckCase, state: CaseState): CaseChecked[] {
  const c = requireCase(state, data.caseId, meta);
  if (meta.actor.role !== 'head') throw new DomainError(PLATFORM_ERRORS.FORBIDDEN, { reason: 'role' }, 'only a head checks a case');
  const checkedOn = requireEntryDate('checkedOn', data.checkedOn, todayOf(meta), c.openedOn);
  return [
    {
      type: 'casework.CaseChecked',
      schemaVersion: 1,
      data: { caseId: c.caseId, checkerId: meta.actor.userId, checkedOn },
      personal: personalOf(c, { remarks: typeof data.remarks === 'string' ? data.remarks.trim().slice(0, 4000) : '' }),
    },
  ];
}

export function decideHandover({ data, meta }: HandOverCase, state: CaseState): CaseHandedOver[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const toWorkerId = requireId('toWorkerId', data.toWorkerId);
  if (toWorkerId === c.responsibleWorkerId) {
    throw new CaseworkError(CASEWORK_ERRORS.SAME_WORKER, { caseId: c.caseId, workerId: toWorkerId }, 'same worker');
  }
  const handedOverOn = requireEntryDate('handedOverOn', data.handedOverOn, todayOf(meta), c.openedOn);
  return [
    {
      type: 'casework.CaseHandedOver',
      schemaVersion: 1,
      data: { caseId: c.caseId, fromWorkerId: c.responsibleWorkerId, toWorkerId, handedOverOn },
      personal: personalOf(c, { reason: requireText('reason', data.reason, 1000) }),
    },
  ];
}

export function decideClose({ data, meta }: CloseCase, state: CaseState): CaseClosed[] {
  const c = requireOpenCase(state, data.caseId, meta);
  const closedOn = requireEntryDate('closedOn', data.closedOn, todayOf(meta), c.openedOn);
  return [
    { type: 'casework.CaseClosed', schemaVersion: 1, data: { caseId: c.caseId, closedOn }, personal: personalOf(c, { reason: requireText('reason', data.reason, 1000) }) },
  ];
}

export function decideReopen({ data, meta }: ReopenCase, state: CaseState): CaseReopened[] {
  const c = requireCase(state, data.caseId, meta);
  if (c.status !== 'closed') throw new CaseworkError(CASEWORK_ERRORS.CASE_NOT_CLOSED, { caseId: c.caseId }, 'case is open');
  const reopenedOn = requireEntryDate('reopenedOn', data.reopenedOn, todayOf(meta), c.closedOn);
  return [
    {
      type: 'casework.CaseReopened',
      schemaVersion: 1,
      data: { caseId: c.caseId, reopenedOn },
      personal: personalOf(c, { reason: requireText('reason', data.reason, 1000) }),
    },
  ];
}

/** Meetings, evaluations and breach notices follow the beilleszkedési program (63/2006. Korm. r. 17. § (12) c)–e)). */
function requireProgramme(state: CaseState, caseId: string, meta: CheckCase['meta']): OpenedCase & { activeAge: NonNullable<OpenedCase['activeAge']> } {
  const c = requireOpenCase(state, caseId, meta);
  if (!c.activeAge) throw new CaseworkError(CASEWORK_ERRORS.NOT_ACTIVE_AGE_CASE, { caseId }, 'not an active-age case');
  if (!c.activeAge.programmeAgreedOn) throw new CaseworkError(CASEWORK_ERRORS.PROGRAMME_NOT_AGREED, { caseId }, 'no programme');
  return c as OpenedCase & { activeAge: NonNullable<OpenedCase['activeAge']> };
}

export function decideMeeting({ data, meta }: RecordPersonalMeeting, state: CaseState): PersonalMeetingHeld[] {
  const c = requireProgramme(state, data.caseId, meta);
  const heldOn = requireEntryDate('heldOn', data.heldOn, todayOf(meta), c.openedOn);
  return [
    { type: 'casework.PersonalMeetingHeld', schemaVersion: 1, data: { caseId: c.caseId, heldOn }, personal: personalOf(c, { notes: requireText('notes', data.notes) }) },
  ];
}

export function decideYearlyEvaluation({ data, meta }: WriteYearlyEvaluation, state: CaseState): YearlyEvaluationWritten[] {
  const c = requireProgramme(state, data.caseId, meta);
  const writtenOn = requireEntryDate('writtenOn', data.writtenOn, todayOf(meta), c.activeAge.programmeAgreedOn);
  return [
    {
      type: 'casework.YearlyEvaluationWritten',
      schemaVersion: 1,
      data: { caseId: c.caseId, writtenOn },
      personal: personalOf(c, { evaluation: requireText('evaluation', data.evaluation, 20000) }),
    },
  ];
}

export function decideBreach({ data, meta }: NotifyCooperationBreach, state: CaseState): CooperationBreachNotified[] {
  const c = requireProgramme(state, data.caseId, meta);
  if (data.recipient !== 'jegyzo' && data.recipient !== 'labour_centre') throw invalid('recipient', 'not_jegyzo_or_labour_centre');
  const notifiedOn = requireEntryDate('notifiedOn', data.notifiedOn, todayOf(meta), c.openedOn);
  return [
    {
      type: 'casework.CooperationBreachNotified',
      schemaVersion: 1,
      data: { caseId: c.caseId, notifiedOn, recipient: data.recipient },
      personal: personalOf(c, { facts: requireText('facts', data.facts) }),
    },
  ];
}
