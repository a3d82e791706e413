import type { AppendRequest, AppendResult, EventStore, ExpectedVersion, NewEvent, ReadStreamOptions, RecordedEvent } from './event-store.port.js';

/**
 * The event store as one command sees it: a stream read by the scope check (its first event names the site) and
 * again by the handler (to fold it) is fetched once. One round trip less per command on the write path (measured in
 * docs/performance.md, "command path"); the append still checks the version read, so concurrency is unchanged.
 * Lives for one command only: never share it between commands.
 */
export class OneCommandEventStore implements EventStore {
  private readonly streams = new Map<string, Promise<readonly RecordedEvent[]>>();

  constructor(private readonly inner: EventStore) {}

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const { maxCount, personal = 'decrypt', ...rest } = options;
    if (Object.keys(rest).length > 0) {
      yield* this.inner.readStream(streamId, options);
      return;
    }
    const events = await this.whole(streamId, personal);
    yield* maxCount === undefined ? events : events.slice(0, maxCount);
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    this.forget(streamId);
    return this.inner.append(streamId, expectedVersion, events);
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    for (const r of requests) this.forget(r.streamId);
    return this.inner.appendMany(requests);
  }

  streamVersion: EventStore['streamVersion'] = (streamId) => this.inner.streamVersion(streamId);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  streamAll: EventStore['streamAll'] = (options) => this.inner.streamAll(options);
  headCheckpoint: EventStore['headCheckpoint'] = () => this.inner.headCheckpoint();
  shred: EventStore['shred'] = (subjectId) => this.inner.shred(subjectId);

  /** The whole stream, read once per way of reading personal data (decrypted or left out). */
  private whole(streamId: string, personal: 'decrypt' | 'omit'): Promise<readonly RecordedEvent[]> {
    const key = `${personal}:${streamId}`;
    let read = this.streams.get(key);
    if (!read) {
      read = collectAll(this.inner.readStream(streamId, { personal }));
      // A failed read is not remembered: the next reader tries again.
      read.catch(() => this.streams.delete(key));
      this.streams.set(key, read);
    }
    return read;
  }

  private forget(streamId: string): void {
    this.streams.delete(`decrypt:${streamId}`);
    this.streams.delete(`omit:${streamId}`);
  }
}

async function collectAll(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const e of events) all.push(e);
  return all;
}
