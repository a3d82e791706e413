import { createHash } from 'node:crypto';
import { type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { type Actor, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import type { AuthConfig } from './auth.config.js';
import { claimsToActor } from './claims.js';

/** Turns a bearer token into the verified Actor or throws UNAUTHENTICATED. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

/** DI token of the TokenVerifier. */
export const TOKEN_VERIFIER = 'KAPOCS_TOKEN_VERIFIER';

const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

/** How long a verified token is trusted without a new signature check (never past its `exp`). */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX_ENTRIES = 10_000;

/**
 * One verifier for production and development tokens: only the key set differs (remote JWKS of the OIDC provider, or
 * the local JWKS of the development issuer), so a dev token is checked exactly like a production one (issue 3 §4).
 */
export class JwksTokenVerifier implements TokenVerifier {
  /**
   * Tokens verified lately, by SHA-256 (the token itself is not kept): a client sends the same token on every request,
   * and the signature check was the largest single cost of the gateway's guard when measured (docs/performance.md,
   * "command path"). Successes only, for at most a minute and never past `exp`.
   */
  private readonly verified = new Map<string, { readonly actor: Actor; readonly until: number }>();

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly clockToleranceSeconds = 30,
  ) {}

  async verify(token: string): Promise<Actor> {
    const digest = createHash('sha256').update(token).digest('base64');
    const now = Date.now();
    const hit = this.verified.get(digest);
    if (hit && hit.until > now) return hit.actor;
    if (hit) this.verified.delete(digest);
    const { actor, exp } = await this.check(token);
    if (this.verified.size >= VERIFIED_MAX_ENTRIES) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(digest, { actor, until: Math.min(now + VERIFIED_TTL_MS, exp * 1000) });
    return actor;
  }

  private async check(token: string): Promise<{ actor: Actor; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      // `exp` is a required claim, so jwtVerify has checked it is a number.
      return { actor: claimsToActor(payload), exp: payload.exp as number };
    } catch (e) {
      if (e instanceof DomainError) throw e;
      // Only the jose error code leaves: never the token or its claims.
      const reason = e instanceof errors.JOSEError ? e.code : 'ERR_TOKEN';
      throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, { reason }, 'Token verification failed');
    }
  }
}

/** The production verifier: the issuer's JWKS, fetched and cached by jose. */
export function remoteTokenVerifier(config: AuthConfig): TokenVerifier {
  if (!config.jwksUrl) throw new Error('AuthConfig.jwksUrl is required when the development issuer is off');
  return new JwksTokenVerifier(
    createRemoteJWKSet(new URL(config.jwksUrl)),
    config.issuer,
    config.audience,
    config.clockToleranceSeconds,
  );
}
