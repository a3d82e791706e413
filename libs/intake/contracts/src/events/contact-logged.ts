import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { ContactFields, ContactPersonal, ContactSubject } from './contact-fields.js';
import type { IntakeEvent } from './intake-event.js';

export const CONTACT_LOGGED = 'intake.ContactLogged';

export interface ContactLoggedData extends ContactFields {
  readonly contactId: string;
  readonly district: DistrictCode;
  /** The service site whose forgalmi napló holds the entry. */
  readonly site: SettlementCode;
  readonly year: number;
  readonly subject: ContactSubject;
  /** Whether `newInYear` was derived from the register or marked by the worker. */
  readonly newInYearSource: 'derived' | 'worker';
}

/**
 * Kapcsolatfelvétel (9/1999. SzCsM r. 3. § (4)) — one entry of the forgalmi napló. It has no serial number: the
 * projector numbers entries per site and year in commit order (ADR-0006). `personal` is keyed by the client id, or by
 * the contact id for an anonymous request.
 */
export type ContactLogged = IntakeEvent<typeof CONTACT_LOGGED, 1, ContactLoggedData, ContactPersonal>;
