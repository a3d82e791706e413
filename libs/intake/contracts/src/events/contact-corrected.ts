import type { ContactFields, GroupSessionFields } from './contact-fields.js';
import type { FieldChanges, IntakeEvent } from './intake-event.js';

export const CONTACT_CORRECTED = 'intake.ContactCorrected';

/** Every correctable non-personal column, of either kind of entry. */
export type ContactCorrectableFields = ContactFields & GroupSessionFields;

export interface ContactCorrectedData {
  readonly contactId: string;
  readonly correctedOn: string;
  readonly before: FieldChanges<ContactCorrectableFields>;
  readonly after: FieldChanges<ContactCorrectableFields>;
  readonly descriptionChanged: boolean;
}

export interface ContactCorrectedPersonal {
  readonly reason: string;
  readonly description?: { readonly before: string | null; readonly after: string | null };
}

/** A forgalmi napló entry corrected with a reason; it keeps its serial number and both versions stay visible. */
export type ContactCorrected = IntakeEvent<typeof CONTACT_CORRECTED, 1, ContactCorrectedData, ContactCorrectedPersonal>;
