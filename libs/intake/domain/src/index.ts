export { type TajNumber, normaliseTaj, tajCheckDigit, isValidTaj } from './taj.js';
export { nameKey, probableDuplicate, type IdentityForMatching, type MatchReason } from './name-key.js';
export { IntakeError } from './intake-error.js';
export { isIsoDate, localDateOf, yearOf } from './dates.js';
export { type IntakeRules, DEFAULT_INTAKE_RULES } from './intake-rules.js';
export {
  validateClientDetails,
  validateClientChanges,
  splitClientDetails,
  diffClient,
  type ClientDiff,
} from './client-details.rules.js';
export {
  type RegisterCounterState,
  emptyRegister,
  evolveRegister,
  individualIdOf,
  nextRegisterNumber,
} from './register-counter.js';
export {
  type CandidateIdentity,
  type ProbableDuplicate,
  findProbableDuplicates,
} from './duplicates.js';
export {
  type ClientState,
  type RegisteredClient,
  type ServiceStatus,
  initialClientState,
  evolveClient,
  lacksConsent,
} from './client.state.js';
export { requireActiveClient } from './client-guards.js';
export {
  type RegistrationContext,
  type RegisterClientDecision,
  type MergeClientsDecision,
  registrationYear,
} from './client-registration.js';
export { type RecordDeclarationDecision } from './declaration.decision.js';
export {
  type ClientDecision,
  type ClientDecisionEvent,
  createClientDecider,
  clientDecider,
} from './client.decider.js';
export { type ContactState, type LoggedContact, initialContactState, evolveContact } from './contact.state.js';
export { type LogContactDecision } from './contact-logging.js';
export { type ContactDecision, createContactDecider, contactDecider } from './contact.decider.js';
export { streamIdOf } from './event-streams.js';
