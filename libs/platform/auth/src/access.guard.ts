import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, PLATFORM_ERRORS, type Role } from '@kapocs/shared/kernel';
import { type DataKind, type RequestScope, decideAccess } from './access-policy.js';
import { DATA_KIND, IS_PUBLIC, ROLES_KEY, SCOPED, type ScopedOptions } from './access.decorators.js';
import type { AuthenticatedRequest } from './http-request.js';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier.js';

/** Unprefixed operational endpoints (probes, scraping) that carry no tenant data and no token. */
const UNPREFIXED_PUBLIC = [/^\/health(\/|$)/, /^\/metrics$/];

/**
 * The one place where HTTP requests are authorised (ADR-0004): installed globally, so a new route is authenticated and
 * treated as a personal-data route unless it says otherwise.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Request-reply handlers in the same process are checked by the services themselves from RpcRequest.actor.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const path = (request.originalUrl ?? request.path).split('?')[0] ?? '';
    if (UNPREFIXED_PUBLIC.some((p) => p.test(path))) return true;

    const actor = await this.verifier.verify(bearerToken(request));
    request.actor = actor;
    const scoped = this.reflector.getAllAndOverride<ScopedOptions | undefined>(SCOPED, targets);
    const decision = decideAccess(actor, {
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      data: this.reflector.getAllAndOverride<DataKind | undefined>(DATA_KIND, targets) ?? 'personal',
      ...(scoped ? { scope: requestScope(request, scoped) } : {}),
    });
    if (!decision.allowed) {
      const details = decision.code === PLATFORM_ERRORS.VALIDATION_FAILED ? { field: decision.reason } : { reason: decision.reason };
      throw new DomainError(decision.code, details, `Access denied: ${decision.reason}`);
    }
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string {
  const header = request.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  if (!match?.[1]) throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, { reason: 'missing-bearer' }, 'No bearer token');
  return match[1];
}

function requestScope(request: AuthenticatedRequest, names: ScopedOptions): RequestScope {
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  const pick = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const value = request.params?.[name] ?? request.query?.[name] ?? body[name];
    // A non-string (array, number) is kept as an invalid marker, so the policy reports it rather than ignoring it.
    return value === undefined ? undefined : typeof value === 'string' ? value : '\u0000';
  };
  const district = pick(names.district);
  const settlement = pick(names.settlement);
  const organisation = pick(names.organisation);
  return {
    ...(district !== undefined ? { district } : {}),
    ...(settlement !== undefined ? { settlement } : {}),
    ...(organisation !== undefined ? { organisation } : {}),
  };
}
