export { DIAGNOSIS_CONTEXT, DIAGNOSIS_SUBJECTS } from './subjects.js';
