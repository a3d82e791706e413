import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { ContactPerson } from '../events/signal-member.js';
import type { MemberCommand, SignalForm, TriageCommand } from './signal-commands.js';

type Body<C extends { type: string; data: unknown }> = { [T in C['type']]: { readonly type: T; readonly data: Extract<C, { type: T }>['data'] } }[C['type']];

/** Payload of `signals.cmd.member`. */
export interface MemberCommandPayload {
  readonly district: DistrictCode;
  readonly command: Body<MemberCommand>;
}
export interface MemberCommandReply {
  readonly organisationId: string;
  readonly version: string;
  readonly checkpoint: string;
}

/**
 * Payload of `signals.cmd.submit`: from the portal the organisation is the token's, the channel `PORTAL`; recorded by
 * staff the channel is the one it arrived by, the organisation optional (a citizen on the phone has none).
 */
export interface SubmitSignalPayload {
  readonly district: DistrictCode;
  readonly form: SignalForm;
  readonly channel?: string;
  readonly organisationId?: string;
  readonly signaller?: ContactPerson;
}
/** The receipt: the reference number at once; for immediate danger the on-call number to call now. */
export interface SubmitSignalReply {
  readonly signalId: string;
  readonly reference: string;
  readonly critical: boolean;
  readonly onCallNumber?: string;
  readonly version: string;
  readonly checkpoint: string;
}

/** Payload of `signals.cmd.triage`; the settlement is the path's, checked against the signal's. */
export interface TriagePayload {
  readonly district: DistrictCode;
  readonly settlement: SettlementCode;
  readonly expectedVersion?: string;
  readonly command: Body<TriageCommand>;
}
export interface TriageReply {
  readonly signalId: string;
  readonly version: string;
  readonly checkpoint: string;
}
