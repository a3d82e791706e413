import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { IntakeEvent } from './intake-event.js';

export const CLIENT_ERASED = 'intake.ClientErased';

export interface ClientErasedData {
  readonly clientId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly erasedOn: string;
}

/**
 * Törlés (Szt. 23. §, GDPR 17. cikk) — a head erased the client's personal data: the subject key is shredded right
 * after this event, and every read model drops the client's personal rows. Codes stay for statistics.
 */
export type ClientErased = IntakeEvent<typeof CLIENT_ERASED, 1, ClientErasedData>;
