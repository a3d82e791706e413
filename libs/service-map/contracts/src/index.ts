export { SERVICE_MAP_CONTEXT, SERVICE_MAP_SUBJECTS } from './subjects.js';
