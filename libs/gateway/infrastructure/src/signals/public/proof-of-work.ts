import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { DomainError } from '@kapocs/shared/kernel';

/** What `GET /public/signals/challenge` answers. */
export interface Challenge {
  readonly challenge: string;
  readonly difficulty: number;
  readonly expiresAt: string;
  readonly algorithm: 'sha256-leading-zero-bits';
}

/** The HMAC key of challenges, derived from the master key like the other keyed hashes (no second secret). */
export const deriveChallengeKey = (masterKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kapocs/gateway/public-signal-challenge', 32));

/** Leading zero bits of a digest, most significant bit of byte 0 first. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The work itself: SHA-256 over the UTF-8 of challenge and nonce, concatenated. */
export const workOf = (challenge: string, nonce: string): number => leadingZeroBits(createHash('sha256').update(challenge + nonce, 'utf8').digest());

/** Finds a nonce (tests, benchmarks; browsers do the same with WebCrypto). */
export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (workOf(challenge, String(n)) >= difficulty) return String(n);
}

const b64 = (b: Buffer | string): string => Buffer.from(b).toString('base64url');
const fail = (reason: string) => new DomainError(SIGNALS_ERRORS.PROOF_INVALID, { reason }, 'proof of work rejected');

/**
 * Captcha-free abuse protection of the public form: a signed, expiring challenge (`v1.<payload>.<hmac>`, payload
 * `{id, exp, d}`) and a nonce whose hash has `d` leading zero bits. Stateless to issue; single use is the caller's
 * (the spent table), after `verify`.
 */
export class ProofOfWork {
  constructor(
    private readonly key: Buffer,
    private readonly difficulty: number,
    private readonly ttlSeconds: number,
  ) {}

  issue(now = new Date()): Challenge {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    const payload = b64(JSON.stringify({ id: randomBytes(16).toString('hex'), exp, d: this.difficulty }));
    const challenge = `v1.${payload}.${b64(this.sign(payload))}`;
    return { challenge, difficulty: this.difficulty, expiresAt: new Date(exp * 1000).toISOString(), algorithm: 'sha256-leading-zero-bits' };
  }

  /** The challenge's id and expiry once signature, expiry and work hold; otherwise a PROOF_* error. */
  verify(challenge: unknown, nonce: unknown, now = new Date()): { id: string; expiresAt: Date } {
    if (typeof challenge !== 'string' || challenge === '' || typeof nonce !== 'string' || nonce === '') {
      throw new DomainError(SIGNALS_ERRORS.PROOF_MISSING, { field: typeof challenge === 'string' && challenge !== '' ? 'nonce' : 'challenge' }, 'no proof of work');
    }
    const [version, payload, signature, ...rest] = challenge.split('.');
    if (version !== 'v1' || !payload || !signature || rest.length > 0 || !/^[A-Za-z0-9]{1,64}$/.test(nonce)) throw fail('format');
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw fail('signature');
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id: string; exp: number; d: number };
    const expiresAt = new Date(body.exp * 1000);
    if (expiresAt.getTime() <= now.getTime()) throw new DomainError(SIGNALS_ERRORS.PROOF_EXPIRED, { expiresAt: expiresAt.toISOString() }, 'challenge expired');
    if (workOf(challenge, nonce) < body.d) throw fail('work');
    return { id: body.id, expiresAt };
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(`public-signal-challenge|${payload}`).digest();
  }
}
