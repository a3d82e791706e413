import { compareCheckpoints, decodeCheckpoint, encodeCheckpoint, isCheckpoint, START } from './checkpoint.js';

describe('checkpoints', () => {
  it('orders as strings exactly as (transaction id, position) order numerically', () => {
    const pairs: [bigint, bigint][] = [
      [9n, 100n],
      [10n, 2n],
      [10n, 11n],
      [18446744073709551615n, 9223372036854775807n],
    ];
    const encoded = pairs.map(([tx, pos]) => encodeCheckpoint(tx, pos));
    expect([...encoded].reverse().sort()).toEqual(encoded);
    expect(compareCheckpoints(encoded[0] as never, encoded[1] as never)).toBe(-1);
    expect(compareCheckpoints(START, encoded[0] as never)).toBe(-1);
  });

  it('round-trips and rejects anything else', () => {
    expect(decodeCheckpoint(encodeCheckpoint(42n, 7n))).toEqual({ txId: 42n, position: 7n });
    expect(isCheckpoint('42-7')).toBe(false);
    expect(() => decodeCheckpoint('nope' as never)).toThrow(TypeError);
    expect(() => compareCheckpoints('1' as never, START)).toThrow(TypeError);
  });
});
