import { deriveIdentityIndexKey, identityHashes } from './identity-keys.js';

const key = deriveIdentityIndexKey(Buffer.alloc(32, 7));
const person = { name: 'Kovács-Nagy Éva', birthDate: '1988-05-17', mothersName: 'Minta Ilona', taj: '123 456 788' };

describe('identity index hashes', () => {
  it('match regardless of accents, case, spacing and TAJ grouping', () => {
    const typed = { name: 'kovacs nagy  EVA', birthDate: '1988-05-17', mothersName: 'MINTA ILONA', taj: '123456788' };
    expect(identityHashes(key, typed)).toEqual(identityHashes(key, person));
  });

  it('differ for another birth date, and carry no plaintext', () => {
    const other = identityHashes(key, { ...person, birthDate: '1988-05-18' });
    const mine = identityHashes(key, person);
    expect(other.identityHash).not.toBe(mine.identityHash);
    expect(JSON.stringify(mine)).not.toMatch(/kovacs|123456788|1988/i);
  });

  it('depend on the master key, and give no TAJ hash without a TAJ', () => {
    const otherKey = deriveIdentityIndexKey(Buffer.alloc(32, 8));
    expect(identityHashes(otherKey, person).identityHash).not.toBe(identityHashes(key, person).identityHash);
    expect(identityHashes(key, { ...person, taj: undefined }).tajHash).toBeNull();
  });
});
