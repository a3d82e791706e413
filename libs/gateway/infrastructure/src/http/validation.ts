import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { ApiError } from '../errors/api-error.js';

/** One problem of a request body: the field path and the names of the failed constraints (never the value). */
export interface FieldProblem {
  readonly field: string;
  readonly constraints: readonly string[];
}

export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, constraints: Object.keys(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Unknown fields get their own code, so a client can tell a typo from a wrong value. */
export function validationException(errors: ValidationError[]): ApiError {
  const problems = flattenValidationErrors(errors);
  const unknown = problems.filter((p) => p.constraints.includes('whitelistValidation'));
  return unknown.length > 0
    ? new ApiError(PLATFORM_ERRORS.UNKNOWN_FIELD, unknown.map(({ field }) => ({ field })), 'Unknown field')
    : new ApiError(PLATFORM_ERRORS.VALIDATION_FAILED, problems, 'Validation failed');
}

/** DTOs are validated strictly: unknown fields and wrong types are refused, never coerced. */
export const gatewayValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: validationException,
  });
