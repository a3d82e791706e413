import { type CaseEvent, caseStreamId } from '@kapocs/casework/contracts';
import { type CaseState, evolveCase, initialCaseState } from '@kapocs/casework/domain';
import {
  type EventStore,
  type ExpectedVersion,
  isRedacted,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@kapocs/platform/event-store';
import type { CommandMeta, EventMetadata, SettlementCode } from '@kapocs/shared/kernel';

/** A stored event back as a domain event; a shredded subject's personal data is simply absent. */
export function toCaseEvent(recorded: RecordedEvent): CaseEvent {
  const personal = Object.fromEntries(Object.entries(recorded.personal).filter(([, value]) => !isRedacted(value)));
  return { type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data, personal } as unknown as CaseEvent;
}

/** Folds the case stream; the version is -1n for a case that does not exist. */
export async function loadCase(store: EventStore, caseId: string): Promise<{ state: CaseState; version: bigint }> {
  let state = initialCaseState();
  let version = -1n;
  for await (const recorded of store.readStream(caseStreamId(caseId))) {
    state = evolveCase(state, toCaseEvent(recorded));
    version = recorded.streamVersion;
  }
  return { state, version };
}

/** A caller's `If-Match` version must be the current one, before anything is decided. */
export function checkExpectedVersion(streamId: string, expected: string | undefined, actual: bigint): void {
  if (expected === undefined) return;
  const valid = /^\d{1,19}$/.test(expected);
  if (!valid || BigInt(expected) !== actual) throw new WrongExpectedVersionError(streamId, valid ? BigInt(expected) : -1n, actual);
}

export const exactly = (version: bigint): ExpectedVersion => (version < 0n ? 'no_stream' : version);

/** Event metadata from the command meta: nothing personal; the settlement is the case's site. */
export const metadataOf = (meta: CommandMeta, site?: SettlementCode): EventMetadata => ({
  actor: meta.actor,
  district: meta.district,
  ...((site ?? meta.settlement) ? { settlement: site ?? meta.settlement } : {}),
  correlationId: meta.correlationId,
  ...(meta.causationId ? { causationId: meta.causationId } : {}),
  ...(meta.trace ? { trace: meta.trace } : {}),
});

export function toNewEvents(events: readonly CaseEvent[], meta: CommandMeta, newId: () => string, site?: SettlementCode): NewEvent[] {
  return events.map((event) => ({
    id: newId(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    ...(event.personal && Object.keys(event.personal).length > 0 ? { personal: event.personal as NewEvent['personal'] } : {}),
    metadata: metadataOf(meta, site),
  }));
}
