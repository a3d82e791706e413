import type { AnyIntakeEvent } from '@kapocs/intake/contracts';
import { streamIdOf } from '@kapocs/intake/domain';
import {
  type AppendRequest,
  type EventStore,
  type ExpectedVersion,
  isRedacted,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
  checkExpectedVersion,
  exactly,
  metadataOf,
} from '@kapocs/platform/event-store';
import type { CommandMeta, SettlementCode } from '@kapocs/shared/kernel';

/** A stored event back as a domain event; a shredded subject's personal data is simply absent. */
export function toDomainEvent<E extends AnyIntakeEvent>(recorded: RecordedEvent): E {
  const personal = Object.fromEntries(Object.entries(recorded.personal).filter(([, value]) => !isRedacted(value)));
  return { type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data, personal } as unknown as E;
}

/** Folds a stream; the version is -1n for a stream that does not exist. */
export async function loadStream<S, E extends AnyIntakeEvent>(
  store: EventStore,
  streamId: string,
  initial: S,
  evolve: (state: S, event: E) => S,
  options: Pick<ReadStreamOptions, 'personal'> = {},
): Promise<{ state: S; version: bigint }> {
  let state = initial;
  let version = -1n;
  for await (const recorded of store.readStream(streamId, options)) {
    state = evolve(state, toDomainEvent<E>(recorded));
    version = recorded.streamVersion;
  }
  return { state, version };
}

/** The exact-version expectation, spelled as the store wants it for a stream that does not exist yet. */
/**
 * Groups decided events by their stream (a registration or a merge spans two) into one atomic appendMany.
 * `expected` gives each stream's expected version.
 */
export function appendRequests(
  events: readonly AnyIntakeEvent[],
  expected: (streamId: string) => ExpectedVersion,
  meta: CommandMeta,
  newId: () => string,
  settlement?: SettlementCode,
): AppendRequest[] {
  const byStream = new Map<string, NewEvent[]>();
  for (const event of events) {
    const streamId = streamIdOf(event);
    const list = byStream.get(streamId) ?? [];
    list.push({
      id: newId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      ...(event.personal && Object.keys(event.personal).length > 0
        ? { personal: event.personal as NewEvent['personal'] }
        : {}),
      metadata: metadataOf(meta, settlement),
    });
    byStream.set(streamId, list);
  }
  return [...byStream].map(([streamId, list]) => ({ streamId, expectedVersion: expected(streamId), events: list }));
}

export { checkExpectedVersion, exactly, metadataOf };
