import {
  clientStreamId,
  type ContactCommand,
  contactStreamId,
} from '@kapocs/intake/contracts';
import { type ClientState, type ContactState, createClientDecider, createContactDecider } from '@kapocs/intake/domain';
import { appendRequests, checkExpectedVersion, exactly, loadStream } from './event-mapping.js';
import { type CommandResult, type IntakeDeps, newIdOf, rulesOf } from './intake-deps.js';
import { requireSiteInDistrict } from './settlement-checks.js';

/**
 * Forgalmi napló commands. A new entry carries no serial number: the projector numbers entries per site and year in
 * global commit order, which is gap-free, conflict-free under concurrent workers and identical after a rebuild
 * (ADR-0006). For a client contact the client's stream is read (not appended to), to copy its coded data of the day.
 */
export async function handleContactCommand(deps: IntakeDeps, command: ContactCommand): Promise<CommandResult> {
  const rules = rulesOf(deps);
  const decider = createContactDecider(rules);
  const streamId = contactStreamId(command.data.contactId);
  const { state, version } = await loadStream<ContactState, never>(deps.store, streamId, decider.initialState(), decider.evolve);
  checkExpectedVersion(streamId, command.expectedVersion, version);
  let events;
  if (command.type === 'LogContact') {
    await requireSiteInDistrict(deps.settlements, command.data.site, command.meta.district);
    const subject = command.data.subject;
    let client: ClientState | undefined;
    if (subject?.kind === 'client') {
      const clients = createClientDecider(rules);
      client = (await loadStream<ClientState, never>(deps.store, clientStreamId(subject.clientId), clients.initialState(), clients.evolve)).state;
    }
    events = decider.decide({ ...command, context: client ? { client } : {} }, state);
  } else {
    if (command.type === 'LogGroupSession') await requireSiteInDistrict(deps.settlements, command.data.site, command.meta.district);
    events = decider.decide(command, state);
  }
  const site = state.status === 'none' ? undefined : state.site;
  const [result] = await deps.store.appendMany(appendRequests(events, () => exactly(version), command.meta, newIdOf(deps), site ?? siteOf(command)));
  return { streamId, version: String(result?.nextExpectedVersion), checkpoint: result?.checkpoint ?? '' };
}

const siteOf = (command: ContactCommand) =>
  command.type === 'LogContact' || command.type === 'LogGroupSession' ? command.data.site : undefined;
