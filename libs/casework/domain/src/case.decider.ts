import type { CaseEvent, CaseUpdateCommand } from '@kapocs/casework/contracts';
import { type CodeCatalogue, INTAKE_REFERENCE_CODES } from '@kapocs/intake/contracts';
import type { Decider } from '@kapocs/shared/kernel';
import { decideAgreement, decideGoal, decideGoalEvaluation, decideMeasure, decideProblem } from './care-plan.decisions.js';
import { type CaseState, evolveCase, initialCaseState } from './case.state.js';
import {
  decideBreach,
  decideCheck,
  decideClose,
  decideHandover,
  decideMeeting,
  decideProcessEvaluation,
  decideReopen,
  decideYearlyEvaluation,
} from './lifecycle.decisions.js';
import { decideOpenCase, type OpenCaseDecision } from './open-case.decision.js';

export type CaseDecision = OpenCaseDecision | CaseUpdateCommand;

/** The case aggregate (stream `case-<caseId>`); `codes` is the shared catalogue (problem types, case handling). */
export const createCaseDecider = (codes: CodeCatalogue = INTAKE_REFERENCE_CODES): Decider<CaseDecision, CaseEvent, CaseState> => ({
  initialState: initialCaseState,
  evolve: evolveCase,
  decide: (command, state): readonly CaseEvent[] => {
    switch (command.type) {
      case 'OpenCase':
        return decideOpenCase(command, state);
      case 'DefineProblem':
        return decideProblem(command, state, codes);
      case 'SetGoal':
        return decideGoal(command, state);
      case 'EvaluateGoal':
        return decideGoalEvaluation(command, state);
      case 'SignAgreement':
        return decideAgreement(command, state);
      case 'RecordMeasure':
        return decideMeasure(command, state, codes);
      case 'EvaluateProcess':
        return decideProcessEvaluation(command, state);
      case 'CheckCase':
        return decideCheck(command, state);
      case 'HandOverCase':
        return decideHandover(command, state);
      case 'CloseCase':
        return decideClose(command, state);
      case 'ReopenCase':
        return decideReopen(command, state);
      case 'RecordPersonalMeeting':
        return decideMeeting(command, state);
      case 'WriteYearlyEvaluation':
        return decideYearlyEvaluation(command, state);
      case 'NotifyCooperationBreach':
        return decideBreach(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unhandled case command ${(unknown as { type: string }).type}`);
      }
    }
  },
});

export const caseDecider = createCaseDecider();
