export { PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS } from './subjects.js';
