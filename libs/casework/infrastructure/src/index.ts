export { CaseworkModule, CASEWORK_SCHEMA } from './casework.module.js';
export { caseworkTarget } from './casework.target.js';
