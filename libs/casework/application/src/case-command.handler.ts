import { caseStreamId, type CaseUpdateCommand, type OpenCase } from '@kapocs/casework/contracts';
import { type ClientFacts, createCaseDecider } from '@kapocs/casework/domain';
import { checkExpectedVersion, exactly, loadCase, toNewEvents } from './case-stream.js';
import { type CaseCommandResult, type CaseworkDeps, newIdOf } from './casework-deps.js';
import { loadClientFacts } from './client-facts.js';

/** Gondozásba vétel: the register facts of the client and family members are read first, then the new stream appended. */
export async function openCase(deps: CaseworkDeps, command: OpenCase): Promise<CaseCommandResult> {
  const decider = createCaseDecider(deps.codes);
  const ids = [command.data.clientId, ...(command.data.memberIds ?? [])].filter((id): id is string => typeof id === 'string');
  const clients = (await Promise.all(ids.map((id) => loadClientFacts(deps.store, id)))).filter((f): f is ClientFacts => f !== undefined);
  const { state, version } = await loadCase(deps.store, command.data.caseId);
  const events = decider.decide({ ...command, context: { clients } }, state);
  const streamId = caseStreamId(command.data.caseId);
  const result = await deps.store.append(streamId, exactly(version), toNewEvents(events, command.meta, newIdOf(deps), command.data.site));
  return { caseId: command.data.caseId, version: String(result.nextExpectedVersion), checkpoint: result.checkpoint };
}

/**
 * Every other case command: load → check the caller's version → decide → append at the exact version loaded, so a
 * concurrent edit fails with WRONG_EXPECTED_VERSION (412) instead of overwriting the other worker's entry.
 */
export async function handleCaseCommand(deps: CaseworkDeps, command: CaseUpdateCommand): Promise<CaseCommandResult> {
  const decider = createCaseDecider(deps.codes);
  const streamId = caseStreamId(command.data.caseId);
  const { state, version } = await loadCase(deps.store, command.data.caseId);
  checkExpectedVersion(streamId, command.expectedVersion, version);
  const events = decider.decide(command, state);
  const site = state.status === 'none' ? undefined : state.site;
  const result = await deps.store.append(streamId, exactly(version), toNewEvents(events, command.meta, newIdOf(deps), site));
  return { caseId: command.data.caseId, version: String(result.nextExpectedVersion), checkpoint: result.checkpoint };
}
