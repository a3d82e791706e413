import { DomainError, type Decider } from '@kapocs/shared/kernel';
import { deciderSpec } from './decider-spec.js';

type Event = { type: 'Added'; n: number };
const counter: Decider<{ add: number }, Event, number> = {
  initialState: () => 0,
  evolve: (s, e) => s + e.n,
  decide: ({ add }, s) => {
    if (s + add > 10) throw new DomainError('TOO_BIG', { limit: 10 });
    return [{ type: 'Added', n: add }];
  },
};
const { given } = deciderSpec(counter);

describe('deciderSpec', () => {
  it('folds the history before deciding', () =>
    expect(given({ type: 'Added', n: 4 }).when({ add: 2 }).state()).toBe(6));
  it('compares the decided events', () => given().when({ add: 3 }).then({ type: 'Added', n: 3 }));
  it('checks the refusal code and details', () =>
    given({ type: 'Added', n: 9 }).when({ add: 2 }).thenThrows('TOO_BIG', { limit: 10 }));
  it('fails when the command is not refused', () =>
    expect(() => given().when({ add: 1 }).thenThrows('TOO_BIG')).toThrow());
});
