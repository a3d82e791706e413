export { IntakeModule, INTAKE_SCHEMA } from './intake.module.js';
export { intakeTarget } from './intake.target.js';
export { identityHashes, deriveIdentityIndexKey } from './identity/identity-keys.js';
