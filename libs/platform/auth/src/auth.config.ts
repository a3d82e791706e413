/**
 * What the gateway needs to authenticate bearer tokens. With `devIssuer` on, the built-in development issuer signs
 * tokens for `issuer` and the verifier trusts its keys through a local JWKS; otherwise `jwksUrl` is required and the
 * keys come from the OpenID Connect provider (ADR-0004).
 */
export interface AuthConfig {
  /** Expected `iss` claim (an OIDC issuer URL in production). */
  readonly issuer: string;
  /** Expected `aud` claim. */
  readonly audience: string;
  /** The production issuer's JWKS; required unless `devIssuer` is on. */
  readonly jwksUrl?: string;
  /** Run the built-in development issuer (`POST /api/v1/dev/token`). On in the embedded default only. */
  readonly devIssuer: boolean;
  /** Persist the development key pair here (JSON JWK, mode 0600) so tokens survive a restart. */
  readonly devKeyPath?: string;
  /** Lifetime of development tokens. */
  readonly devTokenTtlSeconds?: number;
  /** Tolerated clock skew when checking `exp`/`nbf`. */
  readonly clockToleranceSeconds?: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  issuer: 'urn:kapocs:dev-issuer',
  audience: 'kapocs',
  devIssuer: false,
  devTokenTtlSeconds: 3600,
  clockToleranceSeconds: 30,
};
