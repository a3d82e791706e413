import { REDACTED, type NewEvent, type PersonalData, type Redacted } from '../event-store.port.js';
import { decryptPersonalData, encryptPersonalData, type EncryptedPersonalData } from './envelope.js';
import type { SubjectKeyStore } from './subject-key-store.js';

/** The stored form of an event's personal data: one ciphertext per subject. */
export type SealedPersonal = Readonly<Record<string, EncryptedPersonalData>>;
export type OpenedPersonal = Readonly<Record<string, PersonalData | Redacted>>;

/** Encrypts the personal data of every event, one key lookup for all subjects of the batch. */
export async function sealPersonal(
  keys: SubjectKeyStore,
  events: readonly NewEvent[],
): Promise<Map<string, SealedPersonal | null>> {
  const subjects = new Set<string>();
  for (const e of events) for (const s of Object.keys(e.personal ?? {})) subjects.add(s);
  const dataKeys = subjects.size > 0 ? await keys.getOrCreate([...subjects]) : new Map<string, Buffer>();
  const sealed = new Map<string, SealedPersonal | null>();
  for (const e of events) {
    const entries = Object.entries(e.personal ?? {});
    if (entries.length === 0) {
      sealed.set(e.id, null);
      continue;
    }
    const out: Record<string, EncryptedPersonalData> = {};
    for (const [subjectId, data] of entries) {
      const key = dataKeys.get(subjectId);
      if (!key) throw new Error('No data key for a subject of this append');
      out[subjectId] = encryptPersonalData(key, e.id, subjectId, data);
    }
    sealed.set(e.id, out);
  }
  return sealed;
}

/** Decrypts what can be decrypted; a subject without a key (shredded) reads as REDACTED. */
export async function openPersonal(
  keys: SubjectKeyStore,
  rows: readonly { readonly id: string; readonly personal: SealedPersonal | null }[],
): Promise<Map<string, OpenedPersonal>> {
  const subjects = new Set<string>();
  for (const r of rows) for (const s of Object.keys(r.personal ?? {})) subjects.add(s);
  const dataKeys = subjects.size > 0 ? await keys.find([...subjects]) : new Map<string, Buffer>();
  const opened = new Map<string, OpenedPersonal>();
  for (const r of rows) {
    const out: Record<string, PersonalData | Redacted> = {};
    for (const [subjectId, sealed] of Object.entries(r.personal ?? {})) {
      const key = dataKeys.get(subjectId);
      out[subjectId] = (key && decryptPersonalData(key, r.id, subjectId, sealed)) ?? REDACTED;
    }
    opened.set(r.id, out);
  }
  return opened;
}
