import { createHmac, hkdfSync } from 'node:crypto';
import { nameKey, normaliseTaj } from '@kapocs/intake/domain';

/** The HMAC key of the identity index, derived from the master key so that no second secret needs managing. */
export function deriveIdentityIndexKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kapocs/intake/identity-index', 32));
}

export interface IdentityHashes {
  readonly tajHash: string | null;
  readonly identityHash: string;
}

export interface IdentityFields {
  readonly taj?: string | undefined;
  readonly name: string;
  readonly birthDate: string;
  readonly mothersName: string;
}

const hmac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('base64url');

/**
 * Keyed hashes of the two duplicate rules (same TAJ; same name, birth date and mother's name, accent-insensitive):
 * equal hashes mean equal keys, and without the key a hash tells nothing, not even by trying every birth date.
 */
export function identityHashes(key: Buffer, fields: IdentityFields): IdentityHashes {
  const taj = fields.taj ? (normaliseTaj(fields.taj) ?? '') : '';
  return {
    tajHash: taj ? hmac(key, `taj|${taj}`) : null,
    identityHash: hmac(key, `id|${nameKey(fields.name)}|${fields.birthDate}|${nameKey(fields.mothersName)}`),
  };
}
