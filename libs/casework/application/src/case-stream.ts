import { type CaseEvent, caseStreamId } from '@kapocs/casework/contracts';
import { type CaseState, evolveCase, initialCaseState } from '@kapocs/casework/domain';
import {
  type EventStore,
  isRedacted,
  type NewEvent,
  type RecordedEvent,
  checkExpectedVersion,
  exactly,
  metadataOf,
} from '@kapocs/platform/event-store';
import type { CommandMeta, SettlementCode } from '@kapocs/shared/kernel';

/** A stored event back as a domain event; a shredded subject's personal data is simply absent. */
export function toCaseEvent(recorded: RecordedEvent): CaseEvent {
  const personal = Object.fromEntries(Object.entries(recorded.personal).filter(([, value]) => !isRedacted(value)));
  return { type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data, personal } as unknown as CaseEvent;
}

/**
 * Folds the case stream; the version is -1n for a case that does not exist. The state holds no personal data (the
 * texts are for the esetnapló), so the fold reads without decrypting: no key lookup, no AES per entry.
 */
export async function loadCase(store: EventStore, caseId: string): Promise<{ state: CaseState; version: bigint }> {
  let state = initialCaseState();
  let version = -1n;
  for await (const recorded of store.readStream(caseStreamId(caseId), { personal: 'omit' })) {
    state = evolveCase(state, toCaseEvent(recorded));
    version = recorded.streamVersion;
  }
  return { state, version };
}

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

export { checkExpectedVersion, exactly, metadataOf };
