import type { IntakeEvent } from './intake-event.js';

export const CONTACT_VOIDED = 'intake.ContactVoided';

export interface ContactVoidedData {
  readonly contactId: string;
  readonly voidedOn: string;
}

/** A forgalmi napló entry voided with a reason: it keeps its serial number and is shown struck out, never deleted. */
export type ContactVoided = IntakeEvent<typeof CONTACT_VOIDED, 1, ContactVoidedData, { readonly reason: string }>;
