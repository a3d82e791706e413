export { CASEWORK_CONTEXT, CASEWORK_SUBJECTS } from './subjects.js';
