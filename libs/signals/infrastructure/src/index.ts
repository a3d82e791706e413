export { SignalsModule, SIGNALS_SCHEMA } from './signals.module.js';
export { signalsTarget } from './signals.target.js';
