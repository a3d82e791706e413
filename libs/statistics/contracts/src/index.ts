export { STATISTICS_CONTEXT, STATISTICS_SUBJECTS } from './subjects.js';
