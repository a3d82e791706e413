import type { DistrictCode, DomainEvent, SettlementCode } from '@kapocs/shared/kernel';
import type { SubjectKind, Urgency } from '../codes.js';
import type { ContactPerson } from './signal-member.js';

export const SIGNAL_SUBMITTED = 'signals.SignalSubmitted';
export const SIGNAL_ASSIGNED = 'signals.SignalAssigned';
export const SIGNAL_LINKED_TO_CLIENT = 'signals.SignalLinkedToClient';
export const SIGNAL_MARKED_FOR_REGISTRATION = 'signals.SignalMarkedForRegistration';
export const SIGNAL_MEASURE_RECORDED = 'signals.SignalMeasureRecorded';

export const signalStreamId = (signalId: string): string => `signal-${signalId}`;

/** Every signal event names its signal; personal data is kept under the signal's own subject (its id). */
export interface SignalEventOf<Type extends string, Data, Personal = never> extends DomainEvent<Type, 1, Data & { readonly signalId: string }> {
  readonly personal?: Readonly<Record<string, Personal>>;
}

export interface SignalSubmittedData {
  readonly signalId: string;
  /** The receipt's reference number: random, so that numbers cannot be guessed or counted. */
  readonly reference: string;
  readonly district: DistrictCode;
  /** The settlement whose service handles the signal; the district's queue sees it too. */
  readonly settlement: SettlementCode;
  /** `public`: the anonymous citizens' form (no organisation, channel `WEB_FORM`, member category `CITIZEN`). */
  readonly source: 'portal' | 'staff' | 'public';
  /** Code list `channel`; `PORTAL` for portal submissions. */
  readonly channel: string;
  readonly organisationId?: string;
  /** The member's category at the time, kept for the statistics of the annual action plan. */
  readonly memberCategory?: string;
  readonly subjectKind: SubjectKind;
  /** Code list `endangerment`, at least one. */
  readonly categories: readonly string[];
  readonly observedSince?: string;
  readonly urgency: Urgency;
  /** Immediate danger: shown first in every queue. */
  readonly critical: boolean;
  readonly submittedAt: string;
  /** Documents and images sent with the signal: type and size only; names, hashes and keys are personal. */
  readonly attachments?: readonly AttachmentFacts[];
}
/** Allowed attachment types, decided from the content (magic bytes, structure), never from name or declared type. */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
export interface AttachmentFacts {
  readonly attachmentId: string;
  readonly mediaType: AttachmentMediaType;
  readonly size: number;
}
/**
 * How to open an attachment's encrypted blob: its content key and SHA-256 (of the plaintext) live only here, in the
 * signal's personal data, so shredding the signal's subject makes the blob unreadable (ADR-0008 amendment).
 */
export interface AttachmentSecret {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly sha256: string;
  /** AES-256-GCM key of the blob, base64; never shown to anyone. */
  readonly key: string;
}
/** What the signaller wrote: who the signal is about, what was observed, and how to reach the signaller. */
export interface SignalPersonal {
  readonly subject: { readonly name?: string; readonly birthDate?: string; readonly taj?: string; readonly address?: string; readonly description?: string };
  readonly observed: string;
  readonly signaller?: ContactPerson;
  readonly attachments?: readonly AttachmentSecret[];
}
/** Jelzés — a signal-system member (or a citizen, through staff) reports endangerment. */
export type SignalSubmitted = SignalEventOf<typeof SIGNAL_SUBMITTED, SignalSubmittedData, SignalPersonal>;

/** The handler who triages the signal. */
export type SignalAssigned = SignalEventOf<typeof SIGNAL_ASSIGNED, { readonly workerId: string; readonly assignedOn: string }>;
/** The signal concerns a client already in the register (intake). */
export type SignalLinkedToClient = SignalEventOf<typeof SIGNAL_LINKED_TO_CLIENT, { readonly clientId: string; readonly linkedOn: string }>;
/** The person is not yet registered: intake is to register them. */
export type SignalMarkedForRegistration = SignalEventOf<typeof SIGNAL_MARKED_FOR_REGISTRATION, { readonly markedOn: string }>;
/** A dated measure taken on the signal (code list `measure`); a closing measure ends the handling. */
export type SignalMeasureRecorded = SignalEventOf<
  typeof SIGNAL_MEASURE_RECORDED,
  { readonly measureId: string; readonly kind: string; readonly date: string },
  { readonly note: string }
>;

export type SignalEvent = SignalSubmitted | SignalAssigned | SignalLinkedToClient | SignalMarkedForRegistration | SignalMeasureRecorded;
export const SIGNAL_EVENT_TYPES: readonly string[] = [
  SIGNAL_SUBMITTED,
  SIGNAL_ASSIGNED,
  SIGNAL_LINKED_TO_CLIENT,
  SIGNAL_MARKED_FOR_REGISTRATION,
  SIGNAL_MEASURE_RECORDED,
];
