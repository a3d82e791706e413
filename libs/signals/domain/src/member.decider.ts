import {
  MEMBER_REGISTERED,
  type MemberCommand,
  type MemberEvent,
  PORTAL_USER_INVITED,
  SIGNAL_CODES,
  SIGNALS_ERRORS,
  type SignalCodeCatalogue,
} from '@kapocs/signals/contracts';
import type { Decider, DistrictCode } from '@kapocs/shared/kernel';
import { localDateOf } from './dates.js';
import { SignalsError } from './signals-error.js';
import { missing, requireCode, requireText } from './validation.js';

/** A member organisation as its stream says. */
export type MemberState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly organisationId: string; readonly district: DistrictCode; readonly category: string; readonly portalUserIds: readonly string[] };

export const initialMemberState = (): MemberState => ({ status: 'none' });

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case MEMBER_REGISTERED: {
      const d = event.data;
      return { status: 'registered', organisationId: d.organisationId, district: d.district, category: d.category, portalUserIds: d.portalUserIds };
    }
    case PORTAL_USER_INVITED:
      return state.status === 'registered' ? { ...state, portalUserIds: [...state.portalUserIds, event.data.userId] } : state;
  }
}

function decide(command: MemberCommand, state: MemberState, codes: SignalCodeCatalogue): MemberEvent[] {
  const today = localDateOf(command.meta.now);
  switch (command.type) {
    case 'RegisterMember': {
      const d = command.data;
      if (state.status !== 'none') throw new SignalsError(SIGNALS_ERRORS.MEMBER_ALREADY_REGISTERED, { organisationId: d.organisationId }, 'already registered');
      const category = requireCode(codes, 'memberCategory', 'category', d.category, today);
      const name = requireText('name', d.name);
      requireText('contactPerson.name', d.contactPerson?.name);
      if (!Array.isArray(d.settlements) || d.settlements.length === 0) throw missing('settlements');
      const users = d.portalUsers ?? [];
      users.forEach((u, i) => requireText(`portalUsers[${i}].name`, u.name));
      return [
        {
          type: MEMBER_REGISTERED,
          schemaVersion: 1,
          data: {
            organisationId: d.organisationId,
            district: command.meta.district,
            settlements: d.settlements,
            category,
            name,
            registeredOn: today,
            portalUserIds: users.map((u) => u.userId),
          },
          personal: { [d.organisationId]: { contactPerson: d.contactPerson, portalUsers: users } },
        },
      ];
    }
    case 'InvitePortalUser': {
      const { organisationId, userId, ...contact } = command.data;
      if (state.status === 'none') throw new SignalsError(SIGNALS_ERRORS.MEMBER_NOT_FOUND, { organisationId }, 'no such member');
      if (state.portalUserIds.includes(userId)) throw new SignalsError(SIGNALS_ERRORS.PORTAL_USER_ALREADY_INVITED, { organisationId, userId }, 'already invited');
      requireText('name', contact.name);
      return [{ type: PORTAL_USER_INVITED, schemaVersion: 1, data: { organisationId, userId, invitedOn: today }, personal: { [organisationId]: contact } }];
    }
  }
}

/** A signal-system member organisation (stream `signal-member-<organisationId>`). */
export const createMemberDecider = (codes: SignalCodeCatalogue = SIGNAL_CODES): Decider<MemberCommand, MemberEvent, MemberState> => ({
  initialState: initialMemberState,
  evolve: evolveMember,
  decide: (command, state) => decide(command, state, codes),
});
