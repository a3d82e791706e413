import { randomBytes } from 'node:crypto';
import { CachedSubjectKeyStore } from './cached-subject-key-store.js';
import { decryptPersonalData, encryptPersonalData, generateDataKey, unwrapKey, wrapKey } from './envelope.js';
import { InMemorySubjectKeyStore } from './in-memory-subject-key-store.js';
import { parseMasterKey } from './master-key.js';

describe('envelope encryption', () => {
  const kek = randomBytes(32);

  it('wraps a data key for one subject only', () => {
    const dek = generateDataKey();
    const wrapped = wrapKey(kek, dek, 'subject-1');
    expect(unwrapKey(kek, wrapped, 'subject-1').equals(dek)).toBe(true);
    expect(() => unwrapKey(kek, wrapped, 'subject-2')).toThrow(/unwrap/);
    expect(() => unwrapKey(randomBytes(32), wrapped, 'subject-1')).toThrow(/unwrap/);
  });

  it('binds personal data to its event and subject', () => {
    const dek = generateDataKey();
    const sealed = encryptPersonalData(dek, 'e1', 's1', { name: 'Kiss Anna' });
    expect(JSON.stringify(sealed)).not.toContain('Kiss');
    expect(decryptPersonalData(dek, 'e1', 's1', sealed)).toEqual({ name: 'Kiss Anna' });
    expect(decryptPersonalData(dek, 'e2', 's1', sealed)).toBeUndefined();
    expect(decryptPersonalData(dek, 'e1', 's2', sealed)).toBeUndefined();
    expect(decryptPersonalData(generateDataKey(), 'e1', 's1', sealed)).toBeUndefined();
  });

  it('accepts only a 32-byte base64 master key', () => {
    expect(parseMasterKey(kek.toString('base64')).equals(kek)).toBe(true);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('caches keys per process and forgets a shredded one at once', async () => {
    const inner = new InMemorySubjectKeyStore(kek);
    const cached = new CachedSubjectKeyStore(inner);
    const key = (await cached.getOrCreate(['s1'])).get('s1');
    expect((await cached.find(['s1'])).get('s1')).toBe(key);
    await cached.destroy('s1');
    expect((await cached.find(['s1'])).has('s1')).toBe(false);
    expect((await inner.find(['s1'])).has('s1')).toBe(false);
  });
});
