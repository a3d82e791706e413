import { jsonCopy } from './json-copy.js';

const viaText = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('jsonCopy', () => {
  const cases: [string, unknown][] = [
    ['a string with quotes and escapes', 'a "b" \\ \n ő'],
    ['numbers', [1, -0, 0.1, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE]],
    ['booleans and null', [true, false, null]],
    ['a date (toJSON)', { at: new Date('2025-03-04T05:06:07.008Z') }],
    ['undefined, functions and symbols', { a: undefined, b: () => 1, c: Symbol('x'), d: [undefined, () => 1, Symbol('y'), 2] }],
    ['boxed primitives', [new String('s'), new Number(3), new Boolean(false)]],
    ['a Map, a Set and a class instance', { m: new Map([[1, 2]]), s: new Set([1]), c: new (class { x = 1; get y() { return 2; } })() }],
    ['nested', { rows: '[[1,"x"]]', page: { next: 5, list: [{ a: 1 }, [2, [3]]] }, empty: {} }],
    ['toJSON with its key', { k: { toJSON: (key: string) => `key:${key}` }, arr: [{ toJSON: (key: string) => key }] }],
  ];

  it.each(cases)('gives what a JSON round trip gives: %s', (_, value) => {
    const copy = jsonCopy(value);
    expect(copy).toStrictEqual(viaText(value));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });

  it('shares no object or array with the original', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    const copy = jsonCopy(value);
    copy.a.b.push(3);
    (copy.a.b[1] as { c: number }).c = 9;
    expect(value).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('throws where JSON throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => jsonCopy(cyclic)).toThrow(TypeError);
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
    // A value seen twice without a cycle is fine, as in JSON.
    const shared = { x: 1 };
    expect(jsonCopy({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('leaves undefined as it is (no message body)', () => {
    expect(jsonCopy(undefined)).toBeUndefined();
  });
});
