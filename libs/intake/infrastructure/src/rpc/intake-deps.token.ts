/** DI token of the IntakeDeps the module builds once (store, identity index, settlement directory). */
export const INTAKE_DEPS = 'KAPOCS_INTAKE_DEPS';
