import { randomUUID, type webcrypto } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import {
  type JSONWebKeySet,
  type JWK,
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
} from 'jose';
import type { AuthConfig } from './auth.config.js';
import type { KapocsClaims } from './claims.js';
import { JwksTokenVerifier, type TokenVerifier } from './token-verifier.js';

const ALG = 'ES256';

/** A signed development token in the OAuth 2.0 token response shape. */
export interface DevToken {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

/**
 * The built-in development issuer of the embedded default: an ES256 key pair, its public JWKS, and a token endpoint
 * backend. Never enabled unless configured (ADR-0004).
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    private readonly publicJwk: JWK,
    private readonly config: AuthConfig,
  ) {}

  static async create(config: AuthConfig): Promise<DevIssuer> {
    const privateJwk = config.devKeyPath ? await loadOrCreate(config.devKeyPath) : await generate();
    const { d: _d, ...publicPart } = privateJwk;
    const kid = await calculateJwkThumbprint(publicPart);
    const privateKey = (await importJWK(privateJwk, ALG)) as webcrypto.CryptoKey;
    return new DevIssuer(privateKey, { ...publicPart, kid, alg: ALG, use: 'sig' }, config);
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  /** Verifies through a JWKS exactly like production; only the key set is local. */
  verifier(): TokenVerifier {
    return new JwksTokenVerifier(
      createLocalJWKSet(this.jwks()),
      this.config.issuer,
      this.config.audience,
      this.config.clockToleranceSeconds,
    );
  }

  async issue(claims: KapocsClaims): Promise<DevToken> {
    const ttl = this.config.devTokenTtlSeconds ?? 3600;
    const { sub, ...rest } = claims;
    const token = await new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ALG, kid: this.publicJwk.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${ttl}s`)
      .sign(this.privateKey);
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  }
}

async function generate(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return exportJWK(privateKey);
}

async function loadOrCreate(path: string): Promise<JWK> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const jwk = await generate();
    // `wx`: two processes starting at once must not overwrite each other's key.
    await writeFile(path, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(async (w: NodeJS.ErrnoException) => {
      if (w.code !== 'EEXIST') throw w;
    });
    return JSON.parse(await readFile(path, 'utf8')) as JWK;
  }
}
