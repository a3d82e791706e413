import type { ClientCodedData, ClientPersonalDetails } from './client-details.js';
import type { FieldChanges, IntakeEvent } from './intake-event.js';

export const CLIENT_DETAILS_CORRECTED = 'intake.ClientDetailsCorrected';

export interface ClientDetailsCorrectedData {
  readonly clientId: string;
  readonly correctedOn: string;
  /** Coded values before and after, for the changed fields only. */
  readonly before: FieldChanges<ClientCodedData>;
  readonly after: FieldChanges<ClientCodedData>;
  /** Names (not values) of the personal fields changed, readable after shredding. */
  readonly personalFields: readonly (keyof ClientPersonalDetails)[];
}

export interface ClientDetailsCorrectedPersonal {
  /** Why: may name the person ("maiden name was mistyped"), hence personal. */
  readonly reason: string;
  readonly before: FieldChanges<ClientPersonalDetails>;
  readonly after: FieldChanges<ClientPersonalDetails>;
}

/** Adathelyesbítés (Szt. 22. §) — register data corrected; both the old and the new values stay in the history. */
export type ClientDetailsCorrected = IntakeEvent<
  typeof CLIENT_DETAILS_CORRECTED,
  1,
  ClientDetailsCorrectedData,
  ClientDetailsCorrectedPersonal
>;
