import type { SettlementCode } from '@kapocs/shared/kernel';
import type { IntakeEvent } from './intake-event.js';

export const SERVICE_STARTED = 'intake.ServiceStarted';

export interface ServiceStartedData {
  readonly clientId: string;
  readonly site: SettlementCode;
  readonly startedOn: string;
}

/** Az ellátás igénybevételének időpontja (Szt. 20. § b)) — the client starts using the service. */
export type ServiceStarted = IntakeEvent<typeof SERVICE_STARTED, 1, ServiceStartedData>;
