export { ProjectorModule, PROJECTIONS } from './projector.module.js';
export { PROJECTOR_SCHEMA } from './projector-schema.js';
export { clientRegisterProjection } from './projections/client-register.projection.js';
export { contactLogProjection } from './projections/contact-log.projection.js';
export { projectorTarget } from './projector.target.js';
export { eventActivityProjection } from './projections/event-activity.projection.js';
