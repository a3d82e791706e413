import type { PlatformErrorCode } from '@kapocs/shared/kernel';

/** The one table from error code to HTTP status (STYLE.md §2.6). */
export const HTTP_STATUS: Readonly<Record<PlatformErrorCode, number>> = {
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

/** A context's own business-rule code that the table does not list yet: the request was understood but refused. */
export const UNLISTED_CODE_STATUS = 422;
