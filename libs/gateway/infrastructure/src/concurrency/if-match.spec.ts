import { canonicalJson, isValidIdempotencyKey, requestHash } from '../idempotency/request-hash.js';
import { etagOf, parseIfMatch } from './if-match.js';

describe('If-Match', () => {
  it('reads a strong version ETag', () => {
    expect(parseIfMatch('"7"')).toBe('7');
    expect(parseIfMatch(etagOf(12n))).toBe('12');
  });

  it('is undefined when absent', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['7', 'W/"7"', '*', '"a"', '"01"', '"1", "2"'])('refuses %s', (header) => {
    expect(() => parseIfMatch(header)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('idempotency request identity', () => {
  it('ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(requestHash('POST', '/x', { a: 1, b: 2 })).toBe(requestHash('POST', '/x', { b: 2, a: 1 }));
  });

  it('tells another body or path apart', () => {
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/x', { a: 2 }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/y', { a: 1 }));
  });

  it('accepts printable keys up to 255 characters', () => {
    expect(isValidIdempotencyKey('a'.repeat(255))).toBe(true);
    expect(isValidIdempotencyKey('a'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey('with space')).toBe(false);
    expect(isValidIdempotencyKey('')).toBe(false);
  });
});
