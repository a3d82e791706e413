import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalData } from '../event-store.port.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** How one subject's personal data of one event is stored: AES-256-GCM, base64 fields, `v` the format version. */
export interface EncryptedPersonalData {
  readonly v: 1;
  readonly iv: string;
  readonly tag: string;
  readonly ct: string;
}

/** A fresh data-encryption key (DEK) for one data subject. */
export const generateDataKey = (): Buffer => randomBytes(32);

const assertKey = (key: Buffer, what: string): void => {
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes`);
};

/** Wraps a DEK under the master key; the subject id is the AAD, so a wrapped key cannot be moved to another subject. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, subjectId: string): Buffer {
  assertKey(masterKey, 'master key');
  assertKey(dataKey, 'data key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, masterKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`kapocs-dek:${subjectId}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** Throws when the master key is wrong: that is a configuration error, never a reason to redact. */
export function unwrapKey(masterKey: Buffer, wrapped: Buffer, subjectId: string): Buffer {
  assertKey(masterKey, 'master key');
  const decipher = createDecipheriv(ALGORITHM, masterKey, wrapped.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(`kapocs-dek:${subjectId}`, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error('Cannot unwrap a subject key: wrong master key or corrupted key row');
  }
}

// Binding the ciphertext to the event id and subject id stops anyone from copying it into another event or subject.
const personalAad = (eventId: string, subjectId: string): Buffer =>
  Buffer.from(`kapocs-pd:${eventId.toLowerCase()}:${subjectId}`, 'utf8');

export function encryptPersonalData(
  dataKey: Buffer,
  eventId: string,
  subjectId: string,
  data: PersonalData,
): EncryptedPersonalData {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(personalAad(eventId, subjectId));
  const ct = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/**
 * The plaintext, or undefined when the key does not open it: a subject shredded and later given a new key has its
 * old events sealed under the destroyed key, which is exactly the redacted case.
 */
export function decryptPersonalData(
  dataKey: Buffer,
  eventId: string,
  subjectId: string,
  sealed: EncryptedPersonalData,
): PersonalData | undefined {
  if (sealed.v !== 1) throw new Error(`Unknown personal-data format v${String(sealed.v)}`);
  try {
    const decipher = createDecipheriv(ALGORITHM, dataKey, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(personalAad(eventId, subjectId));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PersonalData;
  } catch {
    return undefined;
  }
}
