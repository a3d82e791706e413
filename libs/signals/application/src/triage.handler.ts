import { signalStreamId, type TriageCommand } from '@kapocs/signals/contracts';
import { createSignalDecider, type LinkedClientFacts } from '@kapocs/signals/domain';
import { CLIENT_ERASED, CLIENT_REGISTERED, type ClientRegisteredData, clientStreamId } from '@kapocs/intake/contracts';
import type { EventStore } from '@kapocs/platform/event-store';
import { checkExpectedVersion, exactly, loadSignal, toNewEvents } from './signal-stream.js';
import { newIdOf, type SignalsDeps, type StreamResult } from './signals-deps.js';

/** What the client register says of a client, read from intake's events (its contracts, not its code). */
export async function loadClientFacts(store: EventStore, clientId: string): Promise<LinkedClientFacts | undefined> {
  let facts: { clientId: string; district: string; erased: boolean } | undefined;
  for await (const e of store.readStream(clientStreamId(clientId))) {
    if (e.type === CLIENT_REGISTERED) facts = { clientId, district: (e.data as ClientRegisteredData).district, erased: false };
    else if (facts && e.type === CLIENT_ERASED) facts.erased = true;
  }
  return facts;
}

/**
 * Triage on a signal: load → check the caller's version → decide → append at the version loaded, so two handlers
 * acting at once cannot overwrite each other.
 */
export async function handleTriage(deps: SignalsDeps, command: TriageCommand): Promise<StreamResult & { signalId: string }> {
  const signalId = command.data.signalId;
  const streamId = signalStreamId(signalId);
  const { state, version } = await loadSignal(deps.store, signalId);
  checkExpectedVersion(streamId, command.expectedVersion, version);
  const client = command.type === 'LinkSignalToClient' ? await loadClientFacts(deps.store, command.data.clientId) : undefined;
  const events = createSignalDecider(deps.codes).decide({ ...command, ...(client ? { client } : {}) }, state);
  const settlement = state.status === 'none' ? undefined : state.submission.settlement;
  const result = await deps.store.append(streamId, exactly(version), toNewEvents(events, command.meta, newIdOf(deps), settlement));
  return { signalId, version: String(result.nextExpectedVersion), checkpoint: result.checkpoint };
}
