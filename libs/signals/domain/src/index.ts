export { SignalsError } from './signals-error.js';
export { isIsoDate, localDateOf, addDays } from './dates.js';
export { type MemberState, initialMemberState, evolveMember, createMemberDecider } from './member.decider.js';
export { type SignalState, type SubmittedSignal, initialSignalState, evolveSignal } from './signal.state.js';
export { type LinkedClientFacts, type TriageDecision } from './triage.decisions.js';
export { type SignalDecision, createSignalDecider, signalDecider } from './signal.decider.js';
export {
  type SignalDeadlineRules,
  SIGNAL_DEADLINE_RULES,
  signalDeadlineRulesOn,
  type SignalProgress,
  type SignalDeadline,
  signalDeadline,
} from './deadlines.js';
export { feedbackStatusOf } from './feedback.js';
export { normalizeReference } from './reference.js';
