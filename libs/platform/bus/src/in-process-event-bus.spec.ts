import { InProcessEventBus } from './in-process-event-bus.js';
import { busContract } from './testing/bus.contract.js';

busContract('InProcessEventBus', async () => {
  const bus = new InProcessEventBus();
  return { bus, subjectRoot: 'events', dispose: () => bus.close() };
});

describe('InProcessEventBus deduplication window', () => {
  it('accepts a repeated id again once the window has passed', async () => {
    let now = 0;
    const bus = new InProcessEventBus({ duplicateWindowMs: 1000, now: () => now });
    const m = { id: 'e1', subject: 'events.a', data: new Uint8Array() };
    expect(await bus.publish(m)).toEqual({ duplicate: false });
    now = 999;
    expect(await bus.publish(m)).toEqual({ duplicate: true });
    now = 1000;
    expect(await bus.publish(m)).toEqual({ duplicate: false });
  });

  it('rejects wildcards in a published subject', async () => {
    const bus = new InProcessEventBus();
    await expect(bus.publish({ id: 'x', subject: 'events.*', data: new Uint8Array() })).rejects.toThrow('Invalid subject');
  });
});
