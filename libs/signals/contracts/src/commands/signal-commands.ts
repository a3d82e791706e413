import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { SubjectKind, Urgency } from '../codes.js';
import type { ContactPerson } from '../events/signal-member.js';
import type { AttachmentFacts, SignalPersonal } from '../events/signal.js';

/** A command as the signals handlers receive it: data from the gateway, meta stamped by the service. */
export interface SignalsCommand<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: CommandMeta;
  readonly expectedVersion?: string;
}

export interface RegisterMemberData {
  readonly organisationId: string;
  readonly settlements: readonly SettlementCode[];
  readonly category: string;
  readonly name: string;
  readonly contactPerson: ContactPerson;
  readonly portalUsers?: readonly (ContactPerson & { readonly userId: string })[];
}
export type RegisterMember = SignalsCommand<'RegisterMember', RegisterMemberData>;
export type InvitePortalUser = SignalsCommand<'InvitePortalUser', ContactPerson & { readonly organisationId: string; readonly userId: string }>;
export type MemberCommand = RegisterMember | InvitePortalUser;

/** The fields a signaller fills in, in the portal or on a staff screen. */
export interface SignalForm {
  readonly signalId: string;
  readonly settlement: SettlementCode;
  readonly subjectKind: SubjectKind;
  readonly categories: readonly string[];
  readonly observedSince?: string;
  readonly urgency: Urgency;
  readonly personal: SignalPersonal;
  readonly attachments?: readonly AttachmentFacts[];
}
export interface SubmitSignalData extends SignalForm {
  readonly reference: string;
  readonly source: 'portal' | 'staff' | 'public';
  readonly channel: string;
  readonly organisationId?: string;
}
/** The member organisation as the register knows it, read by the handler before deciding. */
export interface SignallingMember {
  readonly organisationId: string;
  readonly district: DistrictCode;
  readonly category: string;
  readonly portalUserIds: readonly string[];
}
export type SubmitSignal = SignalsCommand<'SubmitSignal', SubmitSignalData> & { readonly member?: SignallingMember };

export type AssignSignal = SignalsCommand<'AssignSignal', { readonly signalId: string; readonly workerId: string }>;
export type LinkSignalToClient = SignalsCommand<'LinkSignalToClient', { readonly signalId: string; readonly clientId: string }>;
export type MarkSignalForRegistration = SignalsCommand<'MarkSignalForRegistration', { readonly signalId: string }>;
export type RecordSignalMeasure = SignalsCommand<
  'RecordSignalMeasure',
  { readonly signalId: string; readonly measureId: string; readonly kind: string; readonly date: string; readonly note?: string }
>;
export type TriageCommand = AssignSignal | LinkSignalToClient | MarkSignalForRegistration | RecordSignalMeasure;
