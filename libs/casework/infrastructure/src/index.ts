export { CaseworkModule } from './casework.module.js';
