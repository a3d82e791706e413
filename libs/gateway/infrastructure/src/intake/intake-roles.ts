import type { Role } from '@kapocs/shared/kernel';

/** Who keeps the register and the forgalmi napló (DESIGN.md §5); erasure (Szt. 23. §) is the head's alone. */
export const INTAKE_WRITERS: Role[] = ['settlement_worker', 'district_worker', 'case_manager', 'head'];
