import { createHmac, hkdfSync } from 'node:crypto';
import { nameKey } from '@kapocs/shared/kernel';

/** The HMAC key of the signals' identity index, derived from the master key (as intake's is, with another label). */
export const deriveSignalIdentityKey = (masterKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kapocs/signals/identity-match', 32));

/** Who a signal or a client is, as far as the matching rules go. */
export interface IdentityFields {
  readonly name?: string | null | undefined;
  readonly birthName?: string | null | undefined;
  readonly birthDate?: string | null | undefined;
  readonly taj?: string | null | undefined;
}

const hmac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text, 'utf8').digest('base64url');

/**
 * Keyed hashes of the two matching rules: the same TAJ, or the same name (accent-, case- and punctuation-insensitive)
 * and birth date. A signaller rarely knows the mother's name, so the rule is looser than intake's duplicate rule; it
 * only raises an alert for staff to look at. Without the key a hash tells nothing, not even by trying birth dates.
 */
export function identityKeys(key: Buffer, f: IdentityFields): string[] {
  const keys = new Set<string>();
  const taj = (f.taj ?? '').replace(/\D/g, '');
  if (taj.length === 9) keys.add(hmac(key, `taj|${taj}`));
  if (f.birthDate) {
    for (const name of [f.name, f.birthName]) {
      const k = name ? nameKey(name) : '';
      if (k !== '') keys.add(hmac(key, `nb|${k}|${f.birthDate}`));
    }
  }
  return [...keys];
}
