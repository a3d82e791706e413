/** A message on the event bus. `id` is the deduplication key (the event id for domain events). */
export interface BusMessage {
  readonly id: string;
  /** Dot-separated tokens, e.g. `events.101.casework.CaseOpened`; never personal data. */
  readonly subject: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly data: Uint8Array;
}

export interface PublishResult {
  /** True when a message with the same id was already published within the deduplication window. */
  readonly duplicate: boolean;
}

/** A message as handed to a consumer's handler. */
export interface Delivery extends BusMessage {
  /** 1 on the first delivery, then counts redeliveries. */
  readonly deliveryCount: number;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

export interface ConsumeOptions {
  /** Durable name: a consumer with the same name resumes after its last acknowledged message. */
  readonly durable: string;
  /** One subject; `*` matches one token, a trailing `>` one or more (NATS 2.9 has no multi-subject filter). */
  readonly filterSubject: string;
  /** Where a new durable starts: every stored message, or only those published after it was created. */
  readonly deliver?: 'all' | 'new';
  /** Acknowledged after it resolves; a throw (or no ack within `ackWait`) redelivers the message. */
  readonly handler: DeliveryHandler;
  readonly ackWaitMs?: number;
  /** Deliveries of one message before it is given up; unlimited by default. */
  readonly maxDeliver?: number;
  /** Delay before a message whose handler threw is redelivered. */
  readonly retryDelayMs?: number;
}

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The event bus port (DESIGN.md §4): at-least-once durable consumers with deduplicated publishing, plus best-effort
 * wake-up signals ("nudges") that tailing loops use to react right after a commit instead of polling.
 */
export interface EventBus {
  publish(message: BusMessage): Promise<PublishResult>;
  consume(options: ConsumeOptions): Promise<Stoppable>;
  /** Fire-and-forget wake-up; may be lost, so listeners also poll. */
  signal(topic: string): void;
  onSignal(topic: string, callback: () => void): Stoppable;
  close(): Promise<void>;
}

/** The topic signalled after events are committed to the store (relay and projection runners listen). */
export const APPENDED_SIGNAL = 'event-store.appended';

/**
 * The topic signalled after a subject's key was destroyed (crypto-shredding). It carries no subject id — nothing
 * personal travels on the bus —, so every process drops its whole cache of unwrapped subject keys (shreds are rare).
 */
export const SHREDDED_SIGNAL = 'event-store.shredded';
