export { CaseworkError } from './casework-error.js';
export { isIsoDate, localDateOf, addDays, addMonths, ageOn } from './dates.js';
export {
  type CaseState,
  type OpenedCase,
  type GoalState,
  type ActiveAgeState,
  initialCaseState,
  evolveCase,
} from './case.state.js';
export { type ClientFacts, type OpenCaseDecision } from './open-case.decision.js';
export { type CaseDecision, createCaseDecider, caseDecider } from './case.decider.js';
export {
  type DeadlineRules,
  DEADLINE_RULES,
  deadlineRulesOn,
  activeAgeDeadlines,
  overdueItems,
} from './deadlines.js';
