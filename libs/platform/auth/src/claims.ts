import {
  type Actor,
  DomainError,
  PLATFORM_ERRORS,
  isDistrictCode,
  isRole,
  isSettlementCode,
} from '@kapocs/shared/kernel';

/** The claims Kapocs reads from a verified token besides `iss`, `aud` and `exp`. */
export interface KapocsClaims {
  readonly sub: string;
  readonly role: string;
  readonly district: string;
  readonly settlements?: readonly string[];
  readonly organisation?: string;
  /** The person's display name (OIDC `name`), optional. */
  readonly name?: string;
}

const reject = (reason: string): never => {
  throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, { reason }, `Token rejected: ${reason}`);
};

/**
 * Verified claims → Actor. Anything the access policy relies on must be well-formed here, so the policy never sees an
 * unknown role or a malformed KSH code.
 */
export function claimsToActor(claims: Record<string, unknown>): Actor {
  const { sub, role, district, settlements = [], organisation, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return reject('sub');
  if (!isRole(role)) return reject('role');
  if (!isDistrictCode(district)) return reject('district');
  if (!Array.isArray(settlements) || !settlements.every(isSettlementCode)) return reject('settlements');
  if (organisation !== undefined && (typeof organisation !== 'string' || organisation.length === 0)) {
    return reject('organisation');
  }
  if (role === 'signal_member' && organisation === undefined) return reject('organisation');
  if (name !== undefined && (typeof name !== 'string' || name.trim().length === 0 || name.length > 200)) return reject('name');
  return {
    userId: sub,
    role,
    district,
    settlements: [...settlements],
    ...(organisation !== undefined ? { organisation } : {}),
    ...(name !== undefined ? { displayName: name.trim() } : {}),
  };
}
