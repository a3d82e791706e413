import { type MemberEvent, memberStreamId, type SignalEvent, signalStreamId } from '@kapocs/signals/contracts';
import { evolveMember, evolveSignal, initialMemberState, initialSignalState, type MemberState, type SignalState } from '@kapocs/signals/domain';
import {
  checkExpectedVersion,
  type EventStore,
  exactly,
  isRedacted,
  metadataOf,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@kapocs/platform/event-store';
import type { CommandMeta, SettlementCode } from '@kapocs/shared/kernel';

/** A stored event back as a domain event; a shredded subject's personal data is simply absent. */
export function toDomainEvent<E>(recorded: RecordedEvent): E {
  const personal = Object.fromEntries(Object.entries(recorded.personal).filter(([, value]) => !isRedacted(value)));
  return { type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data, personal } as unknown as E;
}

async function fold<S, E>(store: EventStore, streamId: string, initial: S, evolve: (s: S, e: E) => S, options?: ReadStreamOptions): Promise<{ state: S; version: bigint }> {
  let state = initial;
  let version = -1n;
  for await (const recorded of store.readStream(streamId, options)) {
    state = evolve(state, toDomainEvent<E>(recorded));
    version = recorded.streamVersion;
  }
  return { state, version };
}

export const loadSignal = (store: EventStore, signalId: string): Promise<{ state: SignalState; version: bigint }> =>
  fold<SignalState, SignalEvent>(store, signalStreamId(signalId), initialSignalState(), evolveSignal);

/** `personal: 'omit'` for a decision on the member's coded data only (its state holds no personal data). */
export const loadMember = (store: EventStore, organisationId: string, options?: Pick<ReadStreamOptions, 'personal'>): Promise<{ state: MemberState; version: bigint }> =>
  fold<MemberState, MemberEvent>(store, memberStreamId(organisationId), initialMemberState(), evolveMember, options);

type AnyEvent = { type: string; schemaVersion: number; data: unknown; personal?: Readonly<Record<string, unknown>> };

export function toNewEvents(events: readonly AnyEvent[], meta: CommandMeta, newId: () => string, settlement?: SettlementCode): NewEvent[] {
  return events.map((event) => ({
    id: newId(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    ...(event.personal && Object.keys(event.personal).length > 0 ? { personal: event.personal as NewEvent['personal'] } : {}),
    metadata: metadataOf(meta, settlement),
  }));
}

export { checkExpectedVersion, exactly, metadataOf };
