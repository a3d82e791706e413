import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { AttachmentFacts, AttachmentSecret } from '../events/signal.js';
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
  /** Blobs the gateway has already checked, encrypted and stored; their keys go into the signal's personal data. */
  readonly attachments?: readonly AttachmentUpload[];
}
/** An attachment as the gateway stored it (encrypted under `key`), referenced by id and SHA-256 from the event. */
export type AttachmentUpload = AttachmentFacts & AttachmentSecret;
/** What the signaller and staff see of an attachment. */
export interface AttachmentSummary {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}
/** The receipt: the reference number at once; for immediate danger the on-call number to call now. */
export interface SubmitSignalReply {
  readonly signalId: string;
  readonly reference: string;
  readonly critical: boolean;
  readonly onCallNumber?: string;
  readonly version: string;
  readonly checkpoint: string;
  /** The attachments of the signal as stored (on a retry: the first submission's). */
  readonly attachments?: readonly AttachmentSummary[];
}

/**
 * Payload of `signals.cmd.submit-public`: the anonymous citizens' form, after the gateway checked its proof of work
 * and rate limit. The district follows from the settlement. It creates, and answers only the reference.
 */
export interface PublicSubmitPayload {
  readonly form: SignalForm;
  readonly signaller?: ContactPerson;
}
export interface PublicSubmitReply {
  readonly reference: string;
  readonly onCallNumber?: string;
}

/** Payload of `signals.query.attachments`: staff name the settlement, a member its organisation. */
export interface AttachmentsQuery {
  readonly district: DistrictCode;
  readonly settlement?: SettlementCode;
  readonly organisationId?: string;
  readonly signalId: string;
  /** One attachment, with the key to open its blob (for the gateway only). */
  readonly attachmentId?: string;
}
export type AttachmentInfo = AttachmentSummary & { readonly sha256: string; readonly key?: string };

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
