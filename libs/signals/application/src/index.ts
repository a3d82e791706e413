export { type SignalsDeps, type StreamResult, randomReference } from './signals-deps.js';
export { loadSignal, loadMember } from './signal-stream.js';
export { type SubmitResult, submitSignal, attachmentSummaries } from './submit-signal.handler.js';
export { handleTriage, loadClientFacts } from './triage.handler.js';
export { handleMemberCommand } from './member-command.handler.js';
