/**
 * Error codes of the intake context (STYLE.md §2.6): stable, never reused, never renamed. Details name the offending
 * `field` wherever one field is to blame, so the web app can put the message next to it.
 */
export const INTAKE_ERRORS = {
  /** details: field. A required field is missing or empty. */
  MISSING_FIELD: 'INTAKE_MISSING_FIELD',
  /** details: field, reason. Malformed value: not an ISO date, too long, a negative count… */
  INVALID_FIELD: 'INTAKE_INVALID_FIELD',
  /** details: field. The TAJ number is not 9 digits or its check digit is wrong. */
  INVALID_TAJ: 'INTAKE_INVALID_TAJ',
  /** details: field, date, today. */
  BIRTH_DATE_IN_FUTURE: 'INTAKE_BIRTH_DATE_IN_FUTURE',
  /** details: field, date, today. A contact, declaration or service date after today. */
  DATE_IN_FUTURE: 'INTAKE_DATE_IN_FUTURE',
  /** details: field, list, code, onDate. Unknown code, or one not valid on that date. */
  UNKNOWN_CODE: 'INTAKE_UNKNOWN_CODE',
  /** details: field, settlement. Not a known settlement, or (for a service site) not in the district. */
  UNKNOWN_SETTLEMENT: 'INTAKE_UNKNOWN_SETTLEMENT',
  /** details: candidates [{ clientId, reason }]. Acknowledge, or link to the existing client instead. */
  PROBABLE_DUPLICATE: 'INTAKE_PROBABLE_DUPLICATE',
  /** details: clientId. */
  CLIENT_ALREADY_REGISTERED: 'INTAKE_CLIENT_ALREADY_REGISTERED',
  /** details: clientId. Also for a client of another district, so that its existence does not leak. */
  CLIENT_NOT_FOUND: 'INTAKE_CLIENT_NOT_FOUND',
  /** details: clientId, survivorId. The client was merged; act on the survivor. */
  CLIENT_MERGED: 'INTAKE_CLIENT_MERGED',
  /** details: clientId. */
  CANNOT_MERGE_WITH_ITSELF: 'INTAKE_CANNOT_MERGE_WITH_ITSELF',
  /** details: clientId. A correction that changes nothing. */
  NOTHING_TO_CORRECT: 'INTAKE_NOTHING_TO_CORRECT',
  /** details: clientId, startedOn. */
  SERVICE_ALREADY_STARTED: 'INTAKE_SERVICE_ALREADY_STARTED',
  /** details: clientId. */
  SERVICE_NOT_STARTED: 'INTAKE_SERVICE_NOT_STARTED',
  /** details: clientId, startedOn, endedOn. */
  SERVICE_END_BEFORE_START: 'INTAKE_SERVICE_END_BEFORE_START',
  /** details: clientId, previousEndedOn, startedOn. */
  SERVICE_START_BEFORE_PREVIOUS_END: 'INTAKE_SERVICE_START_BEFORE_PREVIOUS_END',
  /** details: site, year. The 6-digit serial of the individual id is exhausted for the year. */
  REGISTER_FULL: 'INTAKE_REGISTER_FULL',
  /** details: contactId. */
  CONTACT_ALREADY_LOGGED: 'INTAKE_CONTACT_ALREADY_LOGGED',
  /** details: contactId. Also for a contact of another district. */
  CONTACT_NOT_FOUND: 'INTAKE_CONTACT_NOT_FOUND',
  /** details: contactId. A voided entry is final: it can be neither corrected nor voided again. */
  CONTACT_VOIDED: 'INTAKE_CONTACT_VOIDED',
  /** details: contactId, field. The field fixes the entry's place in the forgalmi napló (site, year, kind). */
  CORRECTION_NOT_ALLOWED: 'INTAKE_CORRECTION_NOT_ALLOWED',
} as const;
export type IntakeErrorCode = (typeof INTAKE_ERRORS)[keyof typeof INTAKE_ERRORS];
