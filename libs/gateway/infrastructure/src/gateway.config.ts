import { type AuthConfig, DEFAULT_AUTH_CONFIG } from '@kapocs/platform/auth';

/** Everything the gateway reads from `PlatformConfig.gateway` (ADR-0004). */
export interface GatewayConfig {
  readonly auth: AuthConfig;
  /** Largest accepted request body, in bytes or a `bytes` string such as `1mb`. */
  readonly bodyLimit: string | number;
  /** Time to wait for a service's reply before answering 504 TIMEOUT. */
  readonly rpcTimeoutMs: number;
  /** Schemas of the gateway's own tables (`gatewayMigrations`) and the audit log (`authMigrations`). */
  readonly schemas: { readonly gateway: string; readonly auth: string };
}

/** DI token of the resolved GatewayConfig. */
export const GATEWAY_CONFIG = 'KAPOCS_GATEWAY_CONFIG';

export type GatewayConfigInput = Partial<Omit<GatewayConfig, 'auth' | 'schemas'>> & {
  readonly auth?: Partial<AuthConfig>;
  readonly schemas?: Partial<GatewayConfig['schemas']>;
};

export const DEFAULT_GATEWAY_CONFIG: GatewayConfig = {
  auth: DEFAULT_AUTH_CONFIG,
  bodyLimit: '1mb',
  rpcTimeoutMs: 5000,
  schemas: { gateway: 'gateway', auth: 'auth' },
};

/** Fills the gaps of `input` with the defaults. The development issuer stays off unless asked for. */
export function resolveGatewayConfig(input: GatewayConfigInput = {}): GatewayConfig {
  return {
    ...DEFAULT_GATEWAY_CONFIG,
    ...input,
    auth: { ...DEFAULT_GATEWAY_CONFIG.auth, ...input.auth },
    schemas: { ...DEFAULT_GATEWAY_CONFIG.schemas, ...input.schemas },
  };
}

/** Reads `PlatformConfig.gateway` without depending on the runtime's config type. */
export function gatewayConfigFromPlatform(platformConfig: unknown): GatewayConfig {
  const pc = platformConfig as
    | { gateway?: GatewayConfigInput; embedded?: boolean; dataDir?: string; devIssuer?: boolean }
    | undefined;
  if (pc?.gateway) return resolveGatewayConfig(pc.gateway);
  // No explicit gateway section: read the deployment's environment; the embedded default keeps its development
  // signing key under the data directory so that tokens survive a restart.
  const embeddedDefault = pc?.embedded === true;
  const fromEnv = gatewayConfigFromEnv(process.env, { embeddedDefault });
  const devKeyPath = fromEnv.auth?.devKeyPath ?? (embeddedDefault && pc?.dataDir ? `${pc.dataDir}/dev-issuer.jwk` : undefined);
  const devIssuer = typeof pc?.devIssuer === 'boolean' ? pc.devIssuer : fromEnv.auth?.devIssuer;
  return resolveGatewayConfig({
    ...fromEnv,
    auth: { ...fromEnv.auth, ...(devIssuer === undefined ? {} : { devIssuer }), ...(devKeyPath ? { devKeyPath } : {}) },
  });
}

/**
 * The environment a deployment sets: `KAPOCS_DEV_ISSUER=true|false` (default `embeddedDefault`), `OIDC_ISSUER`,
 * `OIDC_AUDIENCE`, `OIDC_JWKS_URL`, `KAPOCS_DEV_KEY_PATH`, `KAPOCS_BODY_LIMIT`, `KAPOCS_RPC_TIMEOUT_MS`.
 */
export function gatewayConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly embeddedDefault: boolean },
): GatewayConfigInput {
  const flag = env['KAPOCS_DEV_ISSUER'];
  const devIssuer = flag === undefined ? options.embeddedDefault : flag === 'true';
  const timeout = env['KAPOCS_RPC_TIMEOUT_MS'];
  return {
    auth: {
      devIssuer,
      ...(env['OIDC_ISSUER'] ? { issuer: env['OIDC_ISSUER'] } : {}),
      ...(env['OIDC_AUDIENCE'] ? { audience: env['OIDC_AUDIENCE'] } : {}),
      ...(env['OIDC_JWKS_URL'] ? { jwksUrl: env['OIDC_JWKS_URL'] } : {}),
      ...(env['KAPOCS_DEV_KEY_PATH'] ? { devKeyPath: env['KAPOCS_DEV_KEY_PATH'] } : {}),
    },
    ...(env['KAPOCS_BODY_LIMIT'] ? { bodyLimit: env['KAPOCS_BODY_LIMIT'] } : {}),
    ...(timeout && Number.isFinite(Number(timeout)) ? { rpcTimeoutMs: Number(timeout) } : {}),
  };
}
