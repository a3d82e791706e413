import { type ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { ApiError } from '../errors/api-error.js';

export const REQUIRE_IF_MATCH = 'kapocs:require-if-match';
export const VERSIONED = 'kapocs:versioned';

/** A stream version as a strong ETag: `"7"`. */
export const etagOf = (version: string | number | bigint): string => `"${version.toString()}"`;

/**
 * `If-Match: "<version>"` → the version; undefined when absent. Weak tags and `*` are refused: an update must name the
 * exact version it was based on.
 */
export function parseIfMatch(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^\s*"(0|[1-9]\d{0,18})"\s*$/.exec(header) : null;
  if (!match?.[1]) {
    throw new ApiError(PLATFORM_ERRORS.VALIDATION_FAILED, [{ field: 'If-Match', constraints: ['strongVersionEtag'] }]);
  }
  return match[1];
}

/** The response body carries `version`; it is sent as the `ETag` header. */
export const VersionedResource = (): MethodDecorator => SetMetadata(VERSIONED, true);

/** The update needs `If-Match` (428 PRECONDITION_REQUIRED without it) and answers with the new `ETag`. */
export const RequireIfMatch = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(REQUIRE_IF_MATCH, true),
    SetMetadata(VERSIONED, true),
    ApiHeader({ name: 'If-Match', required: true, description: 'The ETag ("<version>") the update is based on' }),
  );

/** The version from `If-Match`, as checked by ConcurrencyInterceptor. */
export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  return parseIfMatch(request.headers['if-match']);
});
