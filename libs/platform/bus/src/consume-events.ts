import { decodeEnvelope, type EventEnvelope } from './event-envelope.js';
import type { ConsumeOptions, Delivery, EventBus, Stoppable } from './event-bus.port.js';

export interface ConsumeEventsOptions extends Omit<ConsumeOptions, 'handler' | 'filterSubject'> {
  /** e.g. `events.*.casework.>`: one subject, wildcards allowed. */
  readonly filter: string;
  /** Must be idempotent: delivery is at least once (use the inbox table for side effects). */
  readonly handler: (event: EventEnvelope, delivery: Delivery) => Promise<void>;
}

/** A durable consumer of stored events for services: decodes the envelope, acks after the handler resolves. */
export function consumeEvents(bus: EventBus, options: ConsumeEventsOptions): Promise<Stoppable> {
  const { filter, handler, ...rest } = options;
  return bus.consume({ ...rest, filterSubject: filter, handler: (d) => handler(decodeEnvelope(d), d) });
}
