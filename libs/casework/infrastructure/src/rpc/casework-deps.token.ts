/** DI tokens of what CaseworkModule builds once: the handlers' deps, the caseload runner and its queries. */
export const CASEWORK_DEPS = 'KAPOCS_CASEWORK_DEPS';
export const CASELOAD_RUNNER = 'KAPOCS_CASEWORK_CASELOAD_RUNNER';
export const CASELOAD_QUERIES = 'KAPOCS_CASEWORK_CASELOAD_QUERIES';
