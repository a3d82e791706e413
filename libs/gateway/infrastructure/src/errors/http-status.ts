import { CASEWORK_ERRORS, type CaseworkErrorCode } from '@kapocs/casework/contracts';
import { INTAKE_ERRORS, type IntakeErrorCode } from '@kapocs/intake/contracts';
import { SIGNALS_ERRORS, type SignalsErrorCode } from '@kapocs/signals/contracts';
import type { PlatformErrorCode } from '@kapocs/shared/kernel';
import { REFERENCE_ERRORS, type ReferenceErrorCode } from '@kapocs/shared/reference-data';

/** Every stable code the gateway renders: the platform's and those of each context's contracts. */
export type ErrorCode = PlatformErrorCode | IntakeErrorCode | CaseworkErrorCode | SignalsErrorCode | ReferenceErrorCode;

const PLATFORM_STATUS: Readonly<Record<PlatformErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  BODY_TOO_LARGE: 413,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  // 412 rather than 409: the stale version is the client's If-Match precondition (RFC 9110 §13.1.1).
  WRONG_EXPECTED_VERSION: 412,
  PRECONDITION_REQUIRED: 428,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_INVALID: 400,
  IDEMPOTENCY_IN_PROGRESS: 409,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
  RATE_LIMITED: 429,
  DEV_ISSUER_DISABLED: 404,
  INTERNAL: 500,
};

const I = INTAKE_ERRORS;
/** Intake: malformed input 400, a rule about the current state 409, a missing client or entry 404. */
const INTAKE_STATUS: Readonly<Record<IntakeErrorCode, number>> = {
  [I.MISSING_FIELD]: 400,
  [I.INVALID_FIELD]: 400,
  [I.INVALID_TAJ]: 400,
  [I.BIRTH_DATE_IN_FUTURE]: 400,
  [I.DATE_IN_FUTURE]: 400,
  [I.UNKNOWN_CODE]: 400,
  [I.UNKNOWN_SETTLEMENT]: 400,
  // 409 with the candidates: the worker links to one of them or repeats with acknowledgeDuplicates.
  [I.PROBABLE_DUPLICATE]: 409,
  [I.CLIENT_ALREADY_REGISTERED]: 409,
  [I.CLIENT_NOT_FOUND]: 404,
  [I.CLIENT_MERGED]: 409,
  [I.CANNOT_MERGE_WITH_ITSELF]: 422,
  [I.NOTHING_TO_CORRECT]: 422,
  [I.SERVICE_ALREADY_STARTED]: 409,
  [I.SERVICE_NOT_STARTED]: 409,
  [I.SERVICE_END_BEFORE_START]: 422,
  [I.SERVICE_START_BEFORE_PREVIOUS_END]: 422,
  [I.REGISTER_FULL]: 409,
  [I.CONTACT_ALREADY_LOGGED]: 409,
  [I.CONTACT_NOT_FOUND]: 404,
  [I.CONTACT_VOIDED]: 409,
  [I.CORRECTION_NOT_ALLOWED]: 422,
};

const C = CASEWORK_ERRORS;
/** Casework: malformed input 400, a rule about the case's current state 409, a missing case or goal 404. */
const CASEWORK_STATUS: Readonly<Record<CaseworkErrorCode, number>> = {
  [C.MISSING_FIELD]: 400,
  [C.INVALID_FIELD]: 400,
  [C.DATE_IN_FUTURE]: 400,
  [C.DATE_BEFORE_OPENING]: 400,
  [C.UNKNOWN_CODE]: 400,
  [C.CASE_ALREADY_OPENED]: 409,
  [C.CASE_NOT_FOUND]: 404,
  [C.CASE_NOT_OPEN]: 409,
  [C.CASE_NOT_CLOSED]: 409,
  [C.CLIENT_NOT_REGISTERED]: 422,
  [C.GOAL_NOT_FOUND]: 404,
  [C.GOAL_ALREADY_SET]: 409,
  [C.GOAL_ALREADY_ACHIEVED]: 409,
  [C.DEADLINE_IN_PAST]: 400,
  [C.ENTRY_ALREADY_RECORDED]: 409,
  [C.SAME_WORKER]: 422,
  [C.NOT_ACTIVE_AGE_CASE]: 409,
  [C.PROGRAMME_ALREADY_AGREED]: 409,
  [C.PROGRAMME_NOT_AGREED]: 409,
};

const S = SIGNALS_ERRORS;
/** Signals: malformed input 400, a rule about the signal's state 409, a signal or member not found (or not the caller's) 404. */
const SIGNALS_STATUS: Readonly<Record<SignalsErrorCode, number>> = {
  [S.MISSING_FIELD]: 400,
  [S.MISSING_CATEGORY]: 400,
  [S.INVALID_FIELD]: 400,
  [S.UNKNOWN_CODE]: 400,
  [S.DATE_IN_FUTURE]: 400,
  [S.UNKNOWN_SETTLEMENT]: 400,
  [S.MEMBER_ALREADY_REGISTERED]: 409,
  [S.MEMBER_NOT_FOUND]: 404,
  [S.PORTAL_USER_ALREADY_INVITED]: 409,
  [S.NOT_A_PORTAL_USER]: 403,
  [S.SIGNAL_NOT_FOUND]: 404,
  [S.SIGNAL_ID_CONFLICT]: 409,
  [S.SIGNAL_CLOSED]: 409,
  [S.SAME_WORKER]: 422,
  [S.CLIENT_NOT_REGISTERED]: 422,
  [S.ALREADY_LINKED]: 409,
  [S.MEASURE_ALREADY_RECORDED]: 409,
  [S.ATTACHMENT_TOO_LARGE]: 413,
  [S.ATTACHMENT_TOO_MANY]: 413,
  [S.ATTACHMENT_TYPE]: 415,
  [S.ATTACHMENT_NOT_FOUND]: 404,
  [S.PROOF_MISSING]: 400,
  [S.PROOF_INVALID]: 400,
  [S.PROOF_EXPIRED]: 400,
  [S.PROOF_REUSED]: 409,
  [S.RATE_LIMITED]: 429,
};

const R = REFERENCE_ERRORS;
/** Reference data: no such list 404, a bad version 400, a version that does not fit the list's history 409. */
const REFERENCE_STATUS: Readonly<Record<ReferenceErrorCode, number>> = {
  [R.UNKNOWN_CODE_LIST]: 404,
  [R.INVALID_VERSION]: 400,
  [R.VERSION_CONFLICT]: 409,
  [R.UNKNOWN_PARENT]: 400,
};

/** The one table from error code to HTTP status (STYLE.md §2.6). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  ...PLATFORM_STATUS,
  ...INTAKE_STATUS,
  ...CASEWORK_STATUS,
  ...SIGNALS_STATUS,
  ...REFERENCE_STATUS,
};

/** A context's own business-rule code that the table does not list yet: the request was understood but refused. */
export const UNLISTED_CODE_STATUS = 422;
