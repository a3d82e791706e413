import { CASEWORK_MESSAGES_EN } from '@kapocs/casework/contracts';
import { INTAKE_MESSAGES_EN } from '@kapocs/intake/contracts';
import { SIGNALS_MESSAGES_EN } from '@kapocs/signals/contracts';
import type { PlatformErrorCode } from '@kapocs/shared/kernel';
import { REFERENCE_MESSAGES_EN } from '@kapocs/shared/reference-data';
import type { ErrorCode } from './http-status.js';

/** English user-facing messages, chosen by `Accept-Language: en`. */
const platform: Readonly<Record<PlatformErrorCode, string>> = {
  VALIDATION_FAILED: 'The request data is invalid.',
  UNKNOWN_FIELD: 'The request contains an unknown field.',
  BODY_TOO_LARGE: 'The request is too large.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  UNAUTHENTICATED: 'Authentication is required, or the access token is invalid.',
  FORBIDDEN: 'You are not allowed to perform this operation.',
  OUT_OF_SCOPE: 'The requested data is outside your district, settlement or organisation.',
  NOT_FOUND: 'The resource was not found.',
  WRONG_EXPECTED_VERSION: 'The data was changed in the meantime; reload it and try again.',
  PRECONDITION_REQUIRED: 'Updates must state the expected version (If-Match header).',
  IDEMPOTENCY_KEY_REUSED: 'This idempotency key was already used for a different request.',
  IDEMPOTENCY_KEY_INVALID: 'The idempotency key is malformed.',
  IDEMPOTENCY_IN_PROGRESS: 'The same request is still being processed; try again later.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
  TIMEOUT: 'The service did not answer in time.',
  RATE_LIMITED: 'Too many requests; try again later.',
  DEV_ISSUER_DISABLED: 'The development token issuer is disabled.',
  INTERNAL: 'An unexpected error occurred.',
};

/** The contexts' messages come from their contracts, so a new code and its text ship together. */
export const en: Readonly<Record<ErrorCode, string>> = { ...platform, ...INTAKE_MESSAGES_EN, ...CASEWORK_MESSAGES_EN, ...SIGNALS_MESSAGES_EN, ...REFERENCE_MESSAGES_EN };

export const EN_FALLBACK = 'The request cannot be completed.';
