/** Read models of the projector live in their own schema (DESIGN.md §4). */
export const PROJECTOR_SCHEMA = 'projector';
