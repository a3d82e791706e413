import { memberStreamId, type MemberCommand, SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { createMemberDecider, SignalsError } from '@kapocs/signals/domain';
import { exactly, loadMember, toNewEvents } from './signal-stream.js';
import { newIdOf, requireSettlementsInDistrict, type SignalsDeps, type StreamResult } from './signals-deps.js';

/** Registering a member organisation or inviting a portal user; another district's member is "not found". */
export async function handleMemberCommand(deps: SignalsDeps, command: MemberCommand): Promise<StreamResult & { organisationId: string }> {
  const organisationId = command.data.organisationId;
  const { state, version } = await loadMember(deps.store, organisationId, { personal: 'omit' });
  if (state.status === 'registered' && state.district !== command.meta.district) {
    throw new SignalsError(
      command.type === 'RegisterMember' ? SIGNALS_ERRORS.MEMBER_ALREADY_REGISTERED : SIGNALS_ERRORS.MEMBER_NOT_FOUND,
      { organisationId },
      'member of another district',
    );
  }
  if (command.type === 'RegisterMember') requireSettlementsInDistrict(deps, 'settlements', command.data.settlements ?? [], command.meta.district);
  const events = createMemberDecider(deps.codes).decide(command, state);
  const result = await deps.store.append(memberStreamId(organisationId), exactly(version), toNewEvents(events, command.meta, newIdOf(deps)));
  return { organisationId, version: String(result.nextExpectedVersion), checkpoint: result.checkpoint };
}
