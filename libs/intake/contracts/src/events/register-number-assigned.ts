import type { SettlementCode } from '@kapocs/shared/kernel';
import type { IntakeEvent } from './intake-event.js';

export const REGISTER_NUMBER_ASSIGNED = 'intake.RegisterNumberAssigned';

export interface RegisterNumberAssignedData {
  readonly site: SettlementCode;
  readonly year: number;
  readonly registerNumber: number;
  readonly individualId: string;
  readonly clientId: string;
}

/**
 * A register number (nyilvántartási sorszám) and individual id (egyéni azonosító) were taken. The only event of the
 * counter stream `register-<site>-<year>`, appended in the same transaction as `ClientRegistered` (ADR-0006).
 */
export type RegisterNumberAssigned = IntakeEvent<typeof REGISTER_NUMBER_ASSIGNED, 1, RegisterNumberAssignedData>;
