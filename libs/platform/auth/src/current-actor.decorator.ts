import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { type Actor, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { AuthenticatedRequest } from './http-request.js';

/** The Actor verified by AccessGuard: the only source of "who", never a request body. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, { reason: 'no-actor' }, 'Route is public');
  return actor;
});
