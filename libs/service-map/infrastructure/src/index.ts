export { ServiceMapModule } from './service-map.module.js';
