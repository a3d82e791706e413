import type { IntakeErrorCode } from './errors.js';

/** English user messages of the intake codes (`Accept-Language: en`); merged by the gateway. */
export const INTAKE_MESSAGES_EN: Readonly<Record<IntakeErrorCode, string>> = {
  INTAKE_MISSING_FIELD: 'A required field is missing.',
  INTAKE_INVALID_FIELD: 'A field has an invalid format.',
  INTAKE_INVALID_TAJ: 'The TAJ number is invalid: it needs nine digits and a matching check digit.',
  INTAKE_BIRTH_DATE_IN_FUTURE: 'The birth date cannot be in the future.',
  INTAKE_DATE_IN_FUTURE: 'The date cannot be in the future.',
  INTAKE_UNKNOWN_CODE: 'Unknown code, or a code not valid on that date.',
  INTAKE_UNKNOWN_SETTLEMENT: 'Unknown settlement, or the service site is not in the district.',
  INTAKE_PROBABLE_DUPLICATE:
    'This client is probably registered already (same TAJ, or same name, birth date and mother’s name). Pick the existing client or confirm the new registration.',
  INTAKE_CLIENT_ALREADY_REGISTERED: 'This client is already registered.',
  INTAKE_CLIENT_NOT_FOUND: 'Client not found.',
  INTAKE_CLIENT_MERGED: 'This client was merged into another record; continue with that one.',
  INTAKE_CANNOT_MERGE_WITH_ITSELF: 'A client cannot be merged with itself.',
  INTAKE_NOTHING_TO_CORRECT: 'The correction changes nothing.',
  INTAKE_SERVICE_ALREADY_STARTED: 'The service has already started and has not ended.',
  INTAKE_SERVICE_NOT_STARTED: 'No service is in progress, so it cannot end.',
  INTAKE_SERVICE_END_BEFORE_START: 'The service cannot end before it started.',
  INTAKE_SERVICE_START_BEFORE_PREVIOUS_END: 'The service cannot start before the previous one ended.',
  INTAKE_REGISTER_FULL: 'This year’s register numbers are exhausted at this service site.',
  INTAKE_CONTACT_ALREADY_LOGGED: 'This contact is already logged.',
  INTAKE_CONTACT_NOT_FOUND: 'Contact not found.',
  INTAKE_CONTACT_VOIDED: 'This entry was voided and cannot be changed.',
  INTAKE_CORRECTION_NOT_ALLOWED:
    'The site, year or kind of an entry fixes its place in the contact log and cannot be corrected; void the entry and log it again.',
};
