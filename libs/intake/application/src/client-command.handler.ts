import {
  clientStreamId,
  type CorrectClientDetails,
  type EndService,
  type EraseClient,
  type MergeClients,
  type RecordDeclaration,
  type StartService,
} from '@kapocs/intake/contracts';
import { type ClientState, createClientDecider } from '@kapocs/intake/domain';
import { appendRequests, checkExpectedVersion, exactly, loadStream } from './event-mapping.js';
import { type CommandResult, type IntakeDeps, newIdOf, rulesOf } from './intake-deps.js';
import { requireKnownSettlements } from './settlement-checks.js';

export type SingleClientCommand = CorrectClientDetails | RecordDeclaration | StartService | EndService | EraseClient;

/**
 * Commands on one client stream: load → check the caller's version → decide → append with the exact version loaded,
 * so a concurrent change fails with WRONG_EXPECTED_VERSION instead of being overwritten.
 */
export async function handleClientCommand(deps: IntakeDeps, command: SingleClientCommand): Promise<CommandResult> {
  const decider = createClientDecider(rulesOf(deps));
  if (command.type === 'CorrectClientDetails') {
    const { residenceSettlement, staySettlement } = command.data.changes ?? {};
    await requireKnownSettlements(deps.settlements, { residenceSettlement, staySettlement });
  }
  const streamId = clientStreamId(command.data.clientId);
  const { state, version } = await loadStream<ClientState, never>(deps.store, streamId, decider.initialState(), decider.evolve);
  checkExpectedVersion(streamId, command.expectedVersion, version);
  const events = decider.decide(command, state);
  const site = state.status === 'unregistered' ? undefined : state.site;
  const [result] = await deps.store.appendMany(appendRequests(events, () => exactly(version), command.meta, newIdOf(deps), site));
  return { streamId, version: String(result?.nextExpectedVersion), checkpoint: result?.checkpoint ?? '' };
}

/** Both streams are appended at once, each at the version loaded; `expectedVersion` is checked on the survivor. */
export async function mergeClients(deps: IntakeDeps, command: MergeClients): Promise<CommandResult> {
  const decider = createClientDecider(rulesOf(deps));
  const survivorStream = clientStreamId(command.data.survivorId);
  const mergedStream = clientStreamId(command.data.mergedClientId);
  const survivor = await loadStream<ClientState, never>(deps.store, survivorStream, decider.initialState(), decider.evolve);
  const merged = await loadStream<ClientState, never>(deps.store, mergedStream, decider.initialState(), decider.evolve);
  checkExpectedVersion(survivorStream, command.expectedVersion, survivor.version);
  const events = decider.decide({ ...command, context: { merged: merged.state } }, survivor.state);
  const versions = new Map([
    [survivorStream, survivor.version],
    [mergedStream, merged.version],
  ]);
  const site = survivor.state.status === 'unregistered' ? undefined : survivor.state.site;
  const results = await deps.store.appendMany(
    appendRequests(events, (id) => exactly(versions.get(id) ?? -1n), command.meta, newIdOf(deps), site),
  );
  const mine = results.find((r) => r.streamId === survivorStream);
  return { streamId: survivorStream, version: String(mine?.nextExpectedVersion), checkpoint: results.at(-1)?.checkpoint ?? '' };
}

/**
 * Törlés (Szt. 23. §): the erasure is recorded first, then the subject key is shredded, so that a crash in between
 * leaves an event that read models act on and a retry that shreds (shredding twice is harmless).
 */
export async function eraseClient(deps: IntakeDeps, command: EraseClient): Promise<CommandResult> {
  const result = await handleClientCommand(deps, command);
  await deps.store.shred(command.data.clientId);
  return result;
}
