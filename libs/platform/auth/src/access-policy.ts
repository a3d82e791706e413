import { type Actor, PLATFORM_ERRORS, type Role, isDistrictCode, isSettlementCode } from '@kapocs/shared/kernel';

/**
 * What a route reads or changes. `personal`: a client's personal data (Szt. 20–22 records); `aggregate`: counts with
 * small cells suppressed; `operational`: no tenant data at all (health of a service, the caller's own token).
 */
export type DataKind = 'personal' | 'aggregate' | 'operational';

/** The district, settlement and organisation a scoped request targets, as taken from params, query or body. */
export interface RequestScope {
  readonly district?: string;
  readonly settlement?: string;
  readonly organisation?: string;
}

export interface AccessRequest {
  /** Roles allowed on the route; undefined means every authenticated role. */
  readonly roles?: readonly Role[];
  readonly data: DataKind;
  /** Present for `@Scoped()` routes only. */
  readonly scope?: RequestScope;
}

export type AccessDenial = typeof PLATFORM_ERRORS.FORBIDDEN | typeof PLATFORM_ERRORS.OUT_OF_SCOPE | typeof PLATFORM_ERRORS.VALIDATION_FAILED;
export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: AccessDenial; readonly reason: string };

/** How far a role reaches (DESIGN.md §5). */
export type Reach = 'settlement' | 'district' | 'organisation' | 'county' | 'none';

/** The one table of who reaches what; every decision below derives from it. */
export const ROLE_REACH: Readonly<Record<Role, { readonly reach: Reach; readonly personal: boolean; readonly kinds: readonly DataKind[] }>> = {
  settlement_worker: { reach: 'settlement', personal: true, kinds: ['personal', 'aggregate', 'operational'] },
  district_worker: { reach: 'district', personal: true, kinds: ['personal', 'aggregate', 'operational'] },
  case_manager: { reach: 'district', personal: true, kinds: ['personal', 'aggregate', 'operational'] },
  head: { reach: 'district', personal: true, kinds: ['personal', 'aggregate', 'operational'] },
  signal_member: { reach: 'organisation', personal: true, kinds: ['personal', 'operational'] },
  county_analyst: { reach: 'county', personal: false, kinds: ['aggregate', 'operational'] },
  operator: { reach: 'none', personal: false, kinds: ['operational'] },
};

const allow: AccessDecision = { allowed: true };
const deny = (code: AccessDenial, reason: string): AccessDecision => ({ allowed: false, code, reason });

/**
 * The single access decision of the platform (ADR-0004): role first, then the kind of data, then the scope. Pure, so
 * the whole matrix is unit-tested.
 */
export function decideAccess(actor: Actor, request: AccessRequest): AccessDecision {
  if (request.roles && !request.roles.includes(actor.role)) return deny(PLATFORM_ERRORS.FORBIDDEN, 'role');
  const rule = ROLE_REACH[actor.role];
  if (!rule.kinds.includes(request.data)) return deny(PLATFORM_ERRORS.FORBIDDEN, `data:${request.data}`);
  const scope = request.scope;
  if (!scope) return allow;
  if (!isDistrictCode(scope.district)) return deny(PLATFORM_ERRORS.VALIDATION_FAILED, 'district');
  if (scope.settlement !== undefined && !isSettlementCode(scope.settlement)) {
    return deny(PLATFORM_ERRORS.VALIDATION_FAILED, 'settlement');
  }
  return decideScope(actor, rule.reach, request.data, scope);
}

function decideScope(actor: Actor, reach: Reach, data: DataKind, scope: RequestScope): AccessDecision {
  switch (reach) {
    case 'none':
    case 'county':
      // Operational and aggregate reads compare districts; personal data was refused above.
      return allow;
    case 'district':
      return scope.district === actor.district ? allow : deny(PLATFORM_ERRORS.OUT_OF_SCOPE, 'district');
    case 'settlement':
      if (scope.district !== actor.district) return deny(PLATFORM_ERRORS.OUT_OF_SCOPE, 'district');
      if (scope.settlement !== undefined && !(actor.settlements as readonly string[]).includes(scope.settlement)) {
        return deny(PLATFORM_ERRORS.OUT_OF_SCOPE, 'settlement');
      }
      return allow;
    case 'organisation':
      if (scope.district !== actor.district) return deny(PLATFORM_ERRORS.OUT_OF_SCOPE, 'district');
      if (scope.organisation !== undefined) {
        return scope.organisation === actor.organisation ? allow : deny(PLATFORM_ERRORS.OUT_OF_SCOPE, 'organisation');
      }
      // Personal data reaches a signal member only through its own organisation's records.
      return data === 'personal' ? deny(PLATFORM_ERRORS.FORBIDDEN, 'organisation') : allow;
  }
}
