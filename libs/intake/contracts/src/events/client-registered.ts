import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { ClientCodedData, ClientPersonalDetails } from './client-details.js';
import type { IntakeEvent } from './intake-event.js';

export const CLIENT_REGISTERED = 'intake.ClientRegistered';

export interface ClientRegisteredData extends ClientCodedData {
  readonly clientId: string;
  readonly district: DistrictCode;
  /** The service site (szolgáltatási hely): the settlement whose register and forgalmi napló the client is in. */
  readonly site: SettlementCode;
  readonly registeredOn: string;
  readonly registerYear: number;
  /** Nyilvántartási sorszám: 1, 2, 3… per site and year, gap-free (ADR-0006). */
  readonly registerNumber: number;
  /** Egyéni azonosító: YY + the 6-digit register number (OCsM recommendation), unique per site. */
  readonly individualId: string;
  /** Probable duplicates the worker saw and chose to register anyway. */
  readonly acknowledgedDuplicates: readonly string[];
}

/** Nyilvántartásba vétel — the client is entered in the Szt. 20. § register of a service site. */
export type ClientRegistered = IntakeEvent<typeof CLIENT_REGISTERED, 1, ClientRegisteredData, ClientPersonalDetails>;
