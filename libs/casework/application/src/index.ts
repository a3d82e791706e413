export { type CaseworkDeps, type CaseCommandResult } from './casework-deps.js';
export { openCase, handleCaseCommand } from './case-command.handler.js';
export { loadCase, toCaseEvent, checkExpectedVersion } from './case-stream.js';
export { loadClientFacts } from './client-facts.js';
export { type ClientIdentity, loadClientIdentity } from './client-identity.js';
export { readCaseLog, type CaseLogResult } from './case-log.query.js';
export { recordMeasureWithContact, measureContactId, type ContactLogger, type MeasureContactEntry } from './record-measure.handler.js';
export { StaffNames, loadStaffName } from './staff-names.js';
