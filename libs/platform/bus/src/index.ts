export {
  type BusMessage,
  type PublishResult,
  type Delivery,
  type DeliveryHandler,
  type ConsumeOptions,
  type Stoppable,
  type EventBus,
  APPENDED_SIGNAL,
  SHREDDED_SIGNAL,
} from './event-bus.port.js';
export { subjectMatches, assertValidSubject } from './subject-match.js';
export { InProcessEventBus, type InProcessEventBusOptions } from './in-process-event-bus.js';
export { TailLoop, type TailLoopOptions, type TailStep } from './tail-loop.js';
export { busContract, type BusFixture } from './testing/bus.contract.js';
export { DeliveryLog } from './testing/delivery-log.js';
export { waitFor } from './testing/wait-for.js';
export {
  type RawEvent,
  type EventEnvelope,
  EVENT_HEADERS,
  eventSubject,
  toBusMessage,
  decodeEnvelope,
} from './event-envelope.js';
export { consumeEvents, type ConsumeEventsOptions } from './consume-events.js';
