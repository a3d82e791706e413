import type { Role } from '@kapocs/shared/kernel';

/** Who keeps case logs (DESIGN.md §5); the supervisory check is the head's alone. */
export const CASE_WORKERS: Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];
/** Who sees other workers' caseloads and the overview. */
export const CASE_SUPERVISORS: Role[] = ['district_worker', 'case_manager', 'head'];
