/**
 * Error codes of the casework context (STYLE.md §2.6): stable, never reused, never renamed. Details name the offending
 * `field` wherever one field is to blame.
 */
export const CASEWORK_ERRORS = {
  /** details: field. */
  MISSING_FIELD: 'CASEWORK_MISSING_FIELD',
  /** details: field, reason. */
  INVALID_FIELD: 'CASEWORK_INVALID_FIELD',
  /** details: field, date, today. */
  DATE_IN_FUTURE: 'CASEWORK_DATE_IN_FUTURE',
  /** details: field, date, openedOn. A case entry dated before the case was opened. */
  DATE_BEFORE_OPENING: 'CASEWORK_DATE_BEFORE_OPENING',
  /** details: field, list, code, onDate. */
  UNKNOWN_CODE: 'CASEWORK_UNKNOWN_CODE',
  /** details: caseId. */
  CASE_ALREADY_OPENED: 'CASEWORK_CASE_ALREADY_OPENED',
  /** details: caseId. Also for a case of another district or settlement, so that its existence does not leak. */
  CASE_NOT_FOUND: 'CASEWORK_CASE_NOT_FOUND',
  /** details: caseId. The case is closed: reopen it first. */
  CASE_NOT_OPEN: 'CASEWORK_CASE_NOT_OPEN',
  /** details: caseId. Only a closed case can be reopened. */
  CASE_NOT_CLOSED: 'CASEWORK_CASE_NOT_CLOSED',
  /** details: clientId. Not in the register of the district, or erased: a case is opened for registered clients only. */
  CLIENT_NOT_REGISTERED: 'CASEWORK_CLIENT_NOT_REGISTERED',
  /** details: caseId, goalId. */
  GOAL_NOT_FOUND: 'CASEWORK_GOAL_NOT_FOUND',
  /** details: caseId, goalId. */
  GOAL_ALREADY_SET: 'CASEWORK_GOAL_ALREADY_SET',
  /** details: caseId, goalId. An achieved goal is final. */
  GOAL_ALREADY_ACHIEVED: 'CASEWORK_GOAL_ALREADY_ACHIEVED',
  /** details: caseId, field, deadline, after. A deadline before the date it is set on. */
  DEADLINE_IN_PAST: 'CASEWORK_DEADLINE_IN_PAST',
  /** details: caseId, entryId. An agreement or measure id used twice. */
  ENTRY_ALREADY_RECORDED: 'CASEWORK_ENTRY_ALREADY_RECORDED',
  /** details: caseId, workerId. A handover to the worker already responsible. */
  SAME_WORKER: 'CASEWORK_SAME_WORKER',
  /** details: caseId. An aktív korúak step on a case that is not an aktív korúak case. */
  NOT_ACTIVE_AGE_CASE: 'CASEWORK_NOT_ACTIVE_AGE_CASE',
  /** details: caseId. The beilleszkedési program of the case was already agreed. */
  PROGRAMME_ALREADY_AGREED: 'CASEWORK_PROGRAMME_ALREADY_AGREED',
  /** details: caseId. A meeting, evaluation or breach notice before the programme exists. */
  PROGRAMME_NOT_AGREED: 'CASEWORK_PROGRAMME_NOT_AGREED',
} as const;
export type CaseworkErrorCode = (typeof CASEWORK_ERRORS)[keyof typeof CASEWORK_ERRORS];
