import type { CaseEvent } from '@kapocs/casework/contracts';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

export interface GoalState {
  readonly goalId: string;
  readonly deadline: string;
  readonly responsible: string;
  readonly status: 'open' | 'achieved' | 'dropped';
  readonly integrationProgramme: boolean;
}

/** The aktív korúak duties of the case (63/2006. Korm. r. 17. § (12)). */
export interface ActiveAgeState {
  readonly registeredOn: string;
  readonly programmeAgreedOn?: string;
  readonly lastMeetingOn?: string;
  readonly lastYearlyEvaluationOn?: string;
  readonly breachNotifiedOn?: string;
}

/** An opened case (gondozásba vett eset), as far as commands and deadlines need to know. */
export interface OpenedCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly clientId: string;
  readonly memberIds: readonly string[];
  readonly responsibleWorkerId: string;
  readonly openedOn: string;
  readonly closedOn?: string;
  readonly goals: Readonly<Record<string, GoalState>>;
  /** The latest agreement's expected completion: a new agreement renews the deadline. */
  readonly agreementDueOn?: string;
  readonly entryIds: readonly string[];
  readonly nextMeetingOn?: string;
  readonly activeAge?: ActiveAgeState;
  readonly lastCheck?: { readonly checkerId: string; readonly checkedOn: string };
}

export type CaseState = { readonly status: 'none' } | OpenedCase;

export const initialCaseState = (): CaseState => ({ status: 'none' });

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'casework.CaseOpened') {
    const { activeAge, ...d } = event.data;
    return {
      status: 'open',
      caseId: d.caseId,
      district: d.district,
      site: d.site,
      clientId: d.clientId,
      memberIds: d.memberIds,
      responsibleWorkerId: d.responsibleWorkerId,
      openedOn: d.openedOn,
      goals: {},
      entryIds: [],
      ...(activeAge ? { activeAge: { registeredOn: activeAge.registeredOn } } : {}),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'casework.GoalSet': {
      const { goalId, deadline, responsible, integrationProgramme } = event.data;
      const goal: GoalState = { goalId, deadline, responsible, status: 'open', integrationProgramme: integrationProgramme === true };
      return { ...state, goals: { ...state.goals, [goalId]: goal } };
    }
    case 'casework.GoalEvaluated': {
      const goal = state.goals[event.data.goalId];
      if (!goal) return state;
      const { achieved, newDeadline } = event.data;
      const next: GoalState = achieved
        ? { ...goal, status: 'achieved' }
        : newDeadline
          ? { ...goal, deadline: newDeadline }
          : { ...goal, status: 'dropped' };
      return { ...state, goals: { ...state.goals, [goal.goalId]: next } };
    }
    case 'casework.AgreementSigned': {
      const { agreementId, expectedCompletion, integrationProgramme, signedOn } = event.data;
      const activeAge = integrationProgramme && state.activeAge ? { ...state.activeAge, programmeAgreedOn: signedOn } : state.activeAge;
      return {
        ...state,
        agreementDueOn: expectedCompletion,
        entryIds: [...state.entryIds, agreementId],
        ...(activeAge ? { activeAge } : {}),
      };
    }
    case 'casework.MeasureRecorded': {
      const { measureId, nextMeetingOn } = event.data;
      return { ...state, entryIds: [...state.entryIds, measureId], ...(nextMeetingOn ? { nextMeetingOn } : {}) };
    }
    case 'casework.CaseChecked':
      return { ...state, lastCheck: { checkerId: event.data.checkerId, checkedOn: event.data.checkedOn } };
    case 'casework.CaseHandedOver':
      return { ...state, responsibleWorkerId: event.data.toWorkerId };
    case 'casework.CaseClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    case 'casework.CaseReopened': {
      const { closedOn: _, ...rest } = state;
      return { ...rest, status: 'open' };
    }
    case 'casework.PersonalMeetingHeld':
      return state.activeAge ? { ...state, activeAge: { ...state.activeAge, lastMeetingOn: event.data.heldOn } } : state;
    case 'casework.YearlyEvaluationWritten':
      return state.activeAge ? { ...state, activeAge: { ...state.activeAge, lastYearlyEvaluationOn: event.data.writtenOn } } : state;
    case 'casework.CooperationBreachNotified':
      return state.activeAge ? { ...state, activeAge: { ...state.activeAge, breachNotifiedOn: event.data.notifiedOn } } : state;
    default:
      return state;
  }
}
