import { normalizeReference } from './reference.js';

describe('normalizeReference', () => {
  it.each([
    ['J-ABC12-DEF34', 'J-ABC12-DEF34'],
    ['j-abc12-def34', 'J-ABC12-DEF34'],
    ['ABC12-DEF34', 'J-ABC12-DEF34'],
    ['abc12def34', 'J-ABC12-DEF34'],
    [' ABC12 DEF34 ', 'J-ABC12-DEF34'],
    ['1234567890', 'J-12345-67890'],
    ['J1234567890', 'J-12345-67890'],
  ])('reads %p as %p', (input, expected) => {
    expect(normalizeReference(input)).toBe(expected);
  });

  it('leaves what is no reference as typed (upper-cased), so it finds nothing', () => {
    expect(normalizeReference('abc')).toBe('ABC');
    expect(normalizeReference('J-ABC12-DEF3')).toBe('J-ABC12-DEF3');
    expect(normalizeReference('OOOOO-OOOOO')).toBe('OOOOO-OOOOO');
  });
});
