import { jest } from '@jest/globals';
import { InProcessEventBus } from './in-process-event-bus.js';
import { TailLoop, type TailStep } from './tail-loop.js';

/** Resolves the n-th time `tick` is called. */
const counter = () => {
  let calls = 0;
  const waiters = new Map<number, () => void>();
  return {
    tick: () => waiters.get(++calls)?.(),
    reach: (n: number) => new Promise<void>((resolve) => (calls >= n ? resolve() : waiters.set(n, resolve))),
    get calls() {
      return calls;
    },
  };
};

// Poll delays of an hour: only the behaviour under test can make the loop step again before Jest's timeout.
const HOUR = 3_600_000;

describe('TailLoop', () => {
  it('steps again at once while the step reports more work', async () => {
    const c = counter();
    const loop = new TailLoop({ step: async () => (c.tick(), c.calls < 3), minDelayMs: HOUR, maxDelayMs: HOUR });
    loop.start();
    await c.reach(3);
    await loop.stop();
    expect(c.calls).toBe(3);
  });

  it('is woken early by a signal on its topic', async () => {
    const bus = new InProcessEventBus();
    const c = counter();
    const loop = new TailLoop({
      step: async () => (c.tick(), false),
      wakeOn: { bus, topic: 'appended' },
      minDelayMs: HOUR,
      maxDelayMs: HOUR,
    });
    loop.start();
    await c.reach(1);
    bus.signal('appended');
    await c.reach(2);
    await loop.stop();
    expect(c.calls).toBe(2);
  });

  it('polls from the shortest delay again after a caught-up step', async () => {
    jest.useFakeTimers();
    try {
      const c = counter();
      const results: TailStep[] = [false, false, false, 'caught-up'];
      const loop = new TailLoop({ step: async () => (c.tick(), results[c.calls - 1] ?? false), minDelayMs: 10, maxDelayMs: HOUR });
      loop.start();
      // Idle 10, 20, 40 ms after the empty steps: the fourth step runs at 70 ms.
      await jest.advanceTimersByTimeAsync(70);
      expect(c.calls).toBe(4);
      // Then 10 ms again, not 80 (the doubling goes on after a plain `false`) nor at once (as after `true`).
      await jest.advanceTimersByTimeAsync(9);
      expect(c.calls).toBe(4);
      await jest.advanceTimersByTimeAsync(1);
      expect(c.calls).toBe(5);
      const stopped = loop.stop();
      await jest.advanceTimersByTimeAsync(0);
      await stopped;
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports a failing step and keeps running', async () => {
    const c = counter();
    const errors: unknown[] = [];
    const loop = new TailLoop({
      step: async () => {
        c.tick();
        if (c.calls === 1) throw new Error('db down');
        return false;
      },
      onError: (e) => errors.push(e),
      minDelayMs: 1,
    });
    loop.start();
    await c.reach(2);
    await loop.stop();
    expect(errors).toHaveLength(1);
  });
});
