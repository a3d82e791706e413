import type { DistrictCode, DomainEvent, SettlementCode } from '@kapocs/shared/kernel';

export const MEMBER_REGISTERED = 'signals.MemberRegistered';
export const PORTAL_USER_INVITED = 'signals.PortalUserInvited';

/** The stream of a member organisation. */
export const memberStreamId = (organisationId: string): string => `signal-member-${organisationId}`;

/** Contact details of a named person: personal data, kept under the organisation's subject. */
export interface ContactPerson {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface MemberRegisteredData {
  readonly organisationId: string;
  readonly district: DistrictCode;
  /** The settlements the organisation serves (a school of several villages, a GP practice). */
  readonly settlements: readonly SettlementCode[];
  /** Code list `memberCategory`. */
  readonly category: string;
  /** The organisation's public name (not personal data). */
  readonly name: string;
  readonly registeredOn: string;
  readonly portalUserIds: readonly string[];
}
export interface MemberPersonal {
  readonly contactPerson: ContactPerson;
  readonly portalUsers: readonly (ContactPerson & { readonly userId: string })[];
}
/** Jelzőrendszeri tag — an organisation of the signal system registered by the district centre. */
export interface MemberRegistered extends DomainEvent<typeof MEMBER_REGISTERED, 1, MemberRegisteredData> {
  readonly personal?: Readonly<Record<string, MemberPersonal>>;
}

export interface PortalUserInvitedData {
  readonly organisationId: string;
  readonly userId: string;
  readonly invitedOn: string;
}
/** A person of the member organisation gets access to the signal portal. */
export interface PortalUserInvited extends DomainEvent<typeof PORTAL_USER_INVITED, 1, PortalUserInvitedData> {
  readonly personal?: Readonly<Record<string, ContactPerson>>;
}

export type MemberEvent = MemberRegistered | PortalUserInvited;
export const MEMBER_EVENT_TYPES: readonly string[] = [MEMBER_REGISTERED, PORTAL_USER_INVITED];
