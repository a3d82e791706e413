export { type AuthConfig, DEFAULT_AUTH_CONFIG } from './auth.config.js';
export { type KapocsClaims, claimsToActor } from './claims.js';
export { type TokenVerifier, TOKEN_VERIFIER, JwksTokenVerifier, remoteTokenVerifier } from './token-verifier.js';
export { DevIssuer, type DevToken } from './dev-issuer.js';
export {
  type DataKind,
  type RequestScope,
  type AccessRequest,
  type AccessDecision,
  type AccessDenial,
  type Reach,
  ROLE_REACH,
  decideAccess,
} from './access-policy.js';
export { type ScopeFilter, type ScopeColumns, scopeFilterFor, scopeSql } from './scope-filter.js';
export { Public, Roles, Reads, Scoped, type ScopedOptions, IS_PUBLIC, ROLES_KEY, DATA_KIND, SCOPED } from './access.decorators.js';
export { type AuthenticatedRequest } from './http-request.js';
export { AccessGuard } from './access.guard.js';
export { CurrentActor } from './current-actor.decorator.js';
export { AuditLog, type AuditRecord, type AuditEntry } from './audit-log.js';
export { authMigrations } from './audit-log.migrations.js';
export { AuditRead, type AuditReadOptions, AuditReadInterceptor, AUDIT_READ } from './audit-read.interceptor.js';
