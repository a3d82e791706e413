import type { AppendRequest, AppendResult, EventStore, NewEvent, ExpectedVersion } from '@kapocs/platform/event-store';
import { APPENDED_SIGNAL, type EventBus, SHREDDED_SIGNAL, type Stoppable } from '@kapocs/platform/bus';

/**
 * The event store as services see it: every successful append nudges the relay and the projection runners over the
 * bus (a core NATS message in the distributed mode) so that they read at once instead of at their next poll.
 * Per-append LISTEN/NOTIFY halved append throughput when measured (EVENTSTORE.md §6); a bus signal costs nothing in
 * the database.
 */
export class SignallingEventStore implements EventStore {
  private readonly shredSubscription: Stoppable | undefined;

  /**
   * Also keeps shredding prompt across processes: after a shred it signals every process (no subject id on the bus)
   * and, on that signal, drops the inner store's cache of unwrapped keys (`forgetCachedKeys`, when it has one).
   */
  constructor(
    private readonly inner: EventStore & { forgetCachedKeys?(): void },
    private readonly bus: Pick<EventBus, 'signal'> & Partial<Pick<EventBus, 'onSignal'>>,
  ) {
    const forget = inner.forgetCachedKeys?.bind(inner);
    this.shredSubscription = forget && bus.onSignal ? bus.onSignal(SHREDDED_SIGNAL, forget) : undefined;
  }

  /** Stops listening for shred signals (the bus's own close stops it too). */
  async stop(): Promise<void> {
    await this.shredSubscription?.stop();
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    const result = await this.inner.append(streamId, expectedVersion, events);
    this.nudge();
    return result;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const results = await this.inner.appendMany(requests);
    this.nudge();
    return results;
  }

  readStream: EventStore['readStream'] = (streamId, options) => this.inner.readStream(streamId, options);
  streamVersion: EventStore['streamVersion'] = (streamId) => this.inner.streamVersion(streamId);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  streamAll: EventStore['streamAll'] = (options) => this.inner.streamAll(options);
  headCheckpoint: EventStore['headCheckpoint'] = () => this.inner.headCheckpoint();
  async shred(subjectId: string): Promise<void> {
    await this.inner.shred(subjectId);
    try {
      this.bus.signal(SHREDDED_SIGNAL);
    } catch {
      /* other processes' caches expire on their own (ADR-0002) */
    }
  }

  private nudge(): void {
    // Best effort: a lost nudge only delays readers until their backoff poll.
    try {
      this.bus.signal(APPENDED_SIGNAL);
    } catch {
      /* the poll catches up */
    }
  }
}
