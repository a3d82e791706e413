import type { CaseworkErrorCode } from './errors.js';

/** English user messages of the casework codes (`Accept-Language: en`). */
export const CASEWORK_MESSAGES_EN: Readonly<Record<CaseworkErrorCode, string>> = {
  CASEWORK_MISSING_FIELD: 'A required field is missing.',
  CASEWORK_INVALID_FIELD: 'A field has an invalid value.',
  CASEWORK_DATE_IN_FUTURE: 'The date cannot be in the future.',
  CASEWORK_DATE_BEFORE_OPENING: 'The entry cannot be dated before the case was opened.',
  CASEWORK_UNKNOWN_CODE: 'Unknown code, or one not valid on that date.',
  CASEWORK_CASE_ALREADY_OPENED: 'This case is already open.',
  CASEWORK_CASE_NOT_FOUND: 'The case was not found.',
  CASEWORK_CASE_NOT_OPEN: 'The case is closed; reopen it first.',
  CASEWORK_CASE_NOT_CLOSED: 'Only a closed case can be reopened.',
  CASEWORK_CLIENT_NOT_REGISTERED:
    'The client is not in the register of the district (or was erased); register the client before opening a case.',
  CASEWORK_GOAL_NOT_FOUND: 'The goal is not in the action plan; only an existing goal can be evaluated.',
  CASEWORK_GOAL_ALREADY_SET: 'This goal is already in the action plan.',
  CASEWORK_GOAL_ALREADY_ACHIEVED: 'This goal has been achieved; it cannot be evaluated again.',
  CASEWORK_DEADLINE_IN_PAST: 'The deadline cannot be earlier than the day it is set.',
  CASEWORK_ENTRY_ALREADY_RECORDED: 'This entry has already been recorded.',
  CASEWORK_SAME_WORKER: 'The case cannot be handed over to the worker already responsible for it.',
  CASEWORK_NOT_ACTIVE_AGE_CASE: 'This is not the case of an active-age benefit recipient.',
  CASEWORK_PROGRAMME_ALREADY_AGREED: 'The integration programme has already been agreed.',
  CASEWORK_PROGRAMME_NOT_AGREED: 'The integration programme must be agreed first.',
};
