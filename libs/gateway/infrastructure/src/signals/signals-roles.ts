import type { Role } from '@kapocs/shared/kernel';

/** Staff who record and triage signals (DESIGN.md §5). */
export const SIGNAL_STAFF: Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];
/** The district centre keeps the member register. */
export const MEMBER_ADMINS: Role[] = ['district_worker', 'case_manager', 'head'];
