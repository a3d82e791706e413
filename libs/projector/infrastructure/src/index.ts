export { ProjectorModule, PROJECTOR_SCHEMA, PROJECTIONS } from './projector.module.js';
export { projectorTarget } from './projector.target.js';
export { eventActivityProjection } from './projections/event-activity.projection.js';
