import { isValidTaj, normaliseTaj, tajCheckDigit } from './taj.js';

describe('TAJ check digit', () => {
  it('weighs odd places 3 and even places 7', () => {
    // 1*3 + 2*7 + 3*3 + 4*7 + 5*3 + 6*7 + 7*3 + 8*7 = 188 → 8
    expect(tajCheckDigit('12345678')).toBe(8);
  });
  it('accepts a number whose ninth digit matches', () => expect(isValidTaj('123456788')).toBe(true));
  it('refuses a number whose ninth digit does not match', () => expect(isValidTaj('123456789')).toBe(false));
  it('accepts the printed forms with spaces or dashes', () => {
    expect(isValidTaj('123 456 788')).toBe(true);
    expect(normaliseTaj('123-456-788')).toBe('123456788');
  });
  it('refuses anything but nine digits', () => {
    expect(isValidTaj('12345678')).toBe(false);
    expect(isValidTaj('12345678a')).toBe(false);
    expect(isValidTaj('1234567880')).toBe(false);
  });
});
