import { nameKey, probableDuplicate } from './name-key.js';

const eva = { name: 'Kovács-Nagy Éva', birthDate: '2001-04-03', mothersName: 'Szabó Ilona' };

describe('duplicate detection', () => {
  it('ignores accents, case, spacing and punctuation', () =>
    expect(nameKey('  KOVÁCS-nagy   éva ')).toBe(nameKey('Kovacs Nagy Eva')));
  it('matches the same TAJ whatever the names', () =>
    expect(probableDuplicate({ ...eva, taj: '123456788' }, { ...eva, name: 'Más Név', taj: '123456788' })).toBe('same_taj'));
  it('matches name, birth date and mother across spellings', () =>
    expect(probableDuplicate(eva, { name: 'kovacs nagy eva', birthDate: '2001-04-03', mothersName: 'SZABO ILONA' })).toBe(
      'same_name_birth_date_mother',
    ));
  it('does not match another birth date', () =>
    expect(probableDuplicate(eva, { ...eva, birthDate: '2001-04-04' })).toBeUndefined());
  it('does not match another mother', () =>
    expect(probableDuplicate(eva, { ...eva, mothersName: 'Szabó Irén' })).toBeUndefined());
});
