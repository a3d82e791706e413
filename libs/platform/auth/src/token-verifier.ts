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

/**
 * One verifier for production and development tokens: only the key set differs (remote JWKS of the OIDC provider, or
 * the local JWKS of the development issuer), so a dev token is checked exactly like a production one (issue 3 §4).
 */
export class JwksTokenVerifier implements TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly clockToleranceSeconds = 30,
  ) {}

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      return claimsToActor(payload);
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
