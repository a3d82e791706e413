import type {
  BusMessage,
  ConsumeOptions,
  EventBus,
  PublishResult,
  Stoppable,
} from './event-bus.port.js';
import { assertValidSubject, subjectMatches } from './subject-match.js';

export interface InProcessEventBusOptions {
  /** How long a message id is remembered for deduplication, as JetStream's `duplicate_window`. */
  readonly duplicateWindowMs?: number;
  readonly now?: () => number;
}

interface Retry {
  readonly seq: number;
  readonly deliveryCount: number;
  readonly dueAt: number;
}

interface Durable {
  readonly filterSubject: string;
  /** Index into the log of the next message not yet delivered. */
  cursor: number;
  /** Delivered but not acknowledged: handler threw. */
  retries: Retry[];
  active: boolean;
}

/**
 * The bus of the embedded default (one process, no NATS): same contract as JetStream, state in memory only, so
 * durable cursors survive a consumer restart but not a process restart.
 */
export class InProcessEventBus implements EventBus {
  private readonly log: BusMessage[] = [];
  private readonly seen = new Map<string, number>();
  private readonly durables = new Map<string, Durable>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly wakers = new Set<() => void>();
  private readonly consumers = new Set<Stoppable>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: InProcessEventBusOptions = {}) {
    this.windowMs = options.duplicateWindowMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  async publish(message: BusMessage): Promise<PublishResult> {
    assertValidSubject(message.subject, false);
    const now = this.now();
    for (const [id, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(id);
    }
    if (this.seen.has(message.id)) return { duplicate: true };
    this.seen.set(message.id, now);
    this.log.push({ ...message, headers: { ...message.headers }, data: Uint8Array.from(message.data) });
    for (const wake of [...this.wakers]) wake();
    return { duplicate: false };
  }

  async consume(options: ConsumeOptions): Promise<Stoppable> {
    assertValidSubject(options.filterSubject, true);
    let durable = this.durables.get(options.durable);
    if (!durable) {
      const cursor = options.deliver === 'new' ? this.log.length : 0;
      durable = { filterSubject: options.filterSubject, cursor, retries: [], active: false };
      this.durables.set(options.durable, durable);
    }
    if (durable.filterSubject !== options.filterSubject)
      throw new Error(`Durable ${options.durable} exists with filter ${durable.filterSubject}`);
    if (durable.active) throw new Error(`Durable ${options.durable} is already being consumed`);
    durable.active = true;
    const control = { stopped: false, wake: () => undefined as void };
    const done = this.run(durable, options, control).finally(() => (durable.active = false));
    const consumer: Stoppable = {
      stop: async () => {
        control.stopped = true;
        control.wake();
        await done;
        this.consumers.delete(consumer);
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  signal(topic: string): void {
    for (const cb of [...(this.listeners.get(topic) ?? [])]) queueMicrotask(cb);
  }

  onSignal(topic: string, callback: () => void): Stoppable {
    const set = this.listeners.get(topic) ?? new Set();
    this.listeners.set(topic, set);
    set.add(callback);
    return { stop: async () => void set.delete(callback) };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.listeners.clear();
  }

  private async run(
    durable: Durable,
    options: ConsumeOptions,
    control: { stopped: boolean; wake: () => void },
  ): Promise<void> {
    while (!control.stopped) {
      const next = this.next(durable);
      if (!next) {
        await this.waitForWork(durable, control);
        continue;
      }
      const message = this.log[next.seq] as BusMessage;
      try {
        await options.handler({ ...message, deliveryCount: next.deliveryCount });
      } catch {
        if (options.maxDeliver === undefined || next.deliveryCount < options.maxDeliver) {
          const dueAt = this.now() + (options.retryDelayMs ?? 100);
          durable.retries.push({ seq: next.seq, deliveryCount: next.deliveryCount + 1, dueAt });
          durable.retries.sort((a, b) => a.dueAt - b.dueAt);
        }
      }
    }
  }

  private next(durable: Durable): Omit<Retry, 'dueAt'> | undefined {
    const retry = durable.retries[0];
    if (retry && retry.dueAt <= this.now()) return durable.retries.shift();
    while (durable.cursor < this.log.length) {
      const seq = durable.cursor++;
      if (subjectMatches(durable.filterSubject, (this.log[seq] as BusMessage).subject))
        return { seq, deliveryCount: 1 };
    }
    return undefined;
  }

  private waitForWork(durable: Durable, control: { wake: () => void }): Promise<void> {
    return new Promise((resolve) => {
      const retry = durable.retries[0];
      const timer = retry ? setTimeout(done, Math.max(0, retry.dueAt - this.now())) : undefined;
      function done(): void {
        if (timer) clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      const wakers = this.wakers;
      wakers.add(done);
      control.wake = done;
    });
  }
}
