export { INTAKE_CONTEXT, INTAKE_SUBJECTS } from './subjects.js';
