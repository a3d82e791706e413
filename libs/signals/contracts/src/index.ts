export { SIGNALS_CONTEXT, SIGNALS_SUBJECTS } from './subjects.js';
