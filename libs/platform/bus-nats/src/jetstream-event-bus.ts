import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  StorageType,
} from '@nats-io/jetstream';
import { headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/transport-node';
import type {
  BusMessage,
  ConsumeOptions,
  Delivery,
  EventBus,
  PublishResult,
  Stoppable,
} from '@kapocs/platform/bus';

export interface JetStreamEventBusOptions {
  readonly connection: NatsConnection;
  /** `EVENTS` in every deployment; tests use their own stream so they never fight over it. */
  readonly stream?: string;
  readonly subjects?: readonly string[];
  /** JetStream `duplicate_window`: a republished `Nats-Msg-Id` within it is dropped. */
  readonly duplicateWindowMs?: number;
  /** Retention; 0 keeps messages forever (PostgreSQL stays the source of truth, so a limit is safe). */
  readonly maxAgeMs?: number;
  /** Core NATS subject prefix of wake-up signals, outside the stream's subjects. */
  readonly signalPrefix?: string;
  /** Close the connection in `close()`. */
  readonly ownsConnection?: boolean;
}

const MSG_ID = 'Nats-Msg-Id';

/** The production bus: JetStream for events (nats-server 2.9 features only), core NATS for nudges (ADR-0003). */
export class JetStreamEventBus implements EventBus {
  private readonly stops = new Set<Stoppable>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    private readonly options: JetStreamEventBusOptions,
  ) {}

  static async create(options: JetStreamEventBusOptions): Promise<JetStreamEventBus> {
    const nc = options.connection;
    const jsm = await jetstreamManager(nc);
    const stream = options.stream ?? 'EVENTS';
    const config = {
      subjects: [...(options.subjects ?? ['events.>'])],
      duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
      max_age: nanos(options.maxAgeMs ?? 0),
    };
    const existing = await jsm.streams.info(stream).catch(() => undefined);
    if (!existing) await jsm.streams.add({ name: stream, storage: StorageType.File, ...config });
    else await jsm.streams.update(stream, config);
    return new JetStreamEventBus(nc, jetstream(nc), jsm, stream, options);
  }

  async publish(message: BusMessage): Promise<PublishResult> {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(message.headers ?? {})) if (k !== MSG_ID) h.set(k, v);
    const ack = await this.js.publish(message.subject, message.data, { msgID: message.id, headers: h });
    return { duplicate: ack.duplicate };
  }

  async consume(options: ConsumeOptions): Promise<Stoppable> {
    await this.jsm.consumers.add(this.stream, {
      durable_name: options.durable,
      filter_subject: options.filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: options.deliver === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      ack_wait: nanos(options.ackWaitMs ?? 30_000),
      ...(options.maxDeliver ? { max_deliver: options.maxDeliver } : {}),
    });
    const consumer = await this.js.consumers.get(this.stream, options.durable);
    const messages = await consumer.consume({ max_messages: 256 });
    const done = (async () => {
      for await (const m of messages) await this.handle(m, options);
    })();
    const stoppable: Stoppable = {
      stop: async () => {
        this.stops.delete(stoppable);
        await messages.close();
        await done;
      },
    };
    this.stops.add(stoppable);
    return stoppable;
  }

  signal(topic: string): void {
    this.nc.publish(this.signalSubject(topic));
  }

  onSignal(topic: string, callback: () => void): Stoppable {
    const sub = this.nc.subscribe(this.signalSubject(topic), {
      callback: (err) => {
        if (!err) callback();
      },
    });
    return { stop: async () => sub.unsubscribe() };
  }

  async close(): Promise<void> {
    await Promise.all([...this.stops].map((s) => s.stop()));
    if (this.options.ownsConnection) await this.nc.drain();
  }

  private signalSubject(topic: string): string {
    return `${this.options.signalPrefix ?? 'kapocs.nudge'}.${topic}`;
  }

  private async handle(m: JsMsg, options: ConsumeOptions): Promise<void> {
    const headers: Record<string, string> = {};
    for (const k of m.headers?.keys() ?? []) headers[k] = m.headers?.get(k) ?? '';
    const delivery: Delivery = {
      id: headers[MSG_ID] ?? `${this.stream}:${m.seq}`,
      subject: m.subject,
      headers,
      data: m.data,
      deliveryCount: m.info.deliveryCount,
    };
    try {
      await options.handler(delivery);
      m.ack();
    } catch {
      if (options.maxDeliver !== undefined && delivery.deliveryCount >= options.maxDeliver) m.term();
      else m.nak(options.retryDelayMs ?? 1000);
    }
  }
}
