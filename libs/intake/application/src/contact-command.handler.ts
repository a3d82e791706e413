import {
  clientStreamId,
  type ContactCommand,
  contactStreamId,
} from '@kapocs/intake/contracts';
import { DomainError } from '@kapocs/shared/kernel';
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
  if (command.type === 'LogContact' && command.expectedVersion === undefined) {
    // A new entry's stream is new: append expecting no stream instead of reading it first (one round trip less).
    // Any refusal runs the full path below, so an existing id or bad input is answered exactly as before.
    try {
      const fresh = createContactDecider(rulesOf(deps)).initialState();
      return await decideAndAppend(deps, command, fresh, -1n);
    } catch (e) {
      // Domain refusals only (a version conflict is one): an infrastructure failure is reported as it is.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  const decider = createContactDecider(rulesOf(deps));
  const streamId = contactStreamId(command.data.contactId);
  const { state, version } = await loadStream<ContactState, never>(deps.store, streamId, decider.initialState(), decider.evolve);
  checkExpectedVersion(streamId, command.expectedVersion, version);
  return decideAndAppend(deps, command, state, version);
}

async function decideAndAppend(deps: IntakeDeps, command: ContactCommand, state: ContactState, version: bigint): Promise<CommandResult> {
  const rules = rulesOf(deps);
  const decider = createContactDecider(rules);
  const streamId = contactStreamId(command.data.contactId);
  let events;
  if (command.type === 'LogContact') {
    await requireSiteInDistrict(deps.settlements, command.data.site, command.meta.district);
    const subject = command.data.subject;
    let client: ClientState | undefined;
    if (subject?.kind === 'client') {
      const clients = createClientDecider(rules);
      // Only the client's status and coded data count: its personal data is neither needed nor decrypted.
      const stream = clientStreamId(subject.clientId);
      client = (await loadStream<ClientState, never>(deps.store, stream, clients.initialState(), clients.evolve, OMIT)).state;
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

const OMIT = { personal: 'omit' } as const;

const siteOf = (command: ContactCommand) =>
  command.type === 'LogContact' || command.type === 'LogGroupSession' ? command.data.site : undefined;
