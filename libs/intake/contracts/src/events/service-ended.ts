import type { SettlementCode } from '@kapocs/shared/kernel';
import type { IntakeEvent } from './intake-event.js';

export const SERVICE_ENDED = 'intake.ServiceEnded';

export interface ServiceEndedData {
  readonly clientId: string;
  readonly site: SettlementCode;
  readonly startedOn: string;
  readonly endedOn: string;
}

/**
 * Az ellátás megszűnésének időpontja (Szt. 20. § b)) — the service ends; the five-year retention of Szt. 23. § runs
 * from here.
 */
export type ServiceEnded = IntakeEvent<typeof SERVICE_ENDED, 1, ServiceEndedData>;
