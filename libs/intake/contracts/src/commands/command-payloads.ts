import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type {
  CorrectClientDetailsData,
  MergeClientsData,
  RecordDeclarationData,
  RegisterClientData,
} from './client-commands.js';
import type { CorrectContactData, LogContactData, LogGroupSessionData } from './contact-commands.js';

/**
 * Where a command is aimed: the district and the settlement of the request path, which the gateway's guard checked
 * and the intake service checks again (defence in depth). For a new client or entry the settlement is its site.
 */
export interface CommandTarget {
  readonly district: DistrictCode;
  readonly settlement: SettlementCode;
  /** The caller's `If-Match` version, for commands on an existing stream. */
  readonly expectedVersion?: string;
}

/** Payloads of the `intake.cmd.*` subjects (INTAKE_SUBJECTS), as the gateway sends them. */
export type RegisterClientPayload = CommandTarget & Omit<RegisterClientData, 'site'>;
export type CorrectClientPayload = CommandTarget & CorrectClientDetailsData;
export type RecordDeclarationPayload = CommandTarget & RecordDeclarationData;
export type StartServicePayload = CommandTarget & { readonly clientId: string; readonly startedOn: string };
export type EndServicePayload = CommandTarget & { readonly clientId: string; readonly endedOn: string };
/** The path's client is the survivor. */
export type MergeClientsPayload = CommandTarget & MergeClientsData;
export type EraseClientPayload = CommandTarget & { readonly clientId: string };
export type LogContactPayload = CommandTarget & Omit<LogContactData, 'site'>;
export type LogGroupSessionPayload = CommandTarget & Omit<LogGroupSessionData, 'site'>;
export type CorrectContactPayload = CommandTarget & CorrectContactData;
export type VoidContactPayload = CommandTarget & { readonly contactId: string; readonly reason: string };

/** What every intake command answers: the stream's new version (the ETag) and the checkpoint for read-your-writes. */
export interface CommandReply {
  readonly version: string;
  readonly checkpoint: string;
}
export interface ClientCommandReply extends CommandReply {
  readonly clientId: string;
}
export interface RegisterClientReply extends ClientCommandReply {
  readonly registerNumber: number;
  readonly individualId: string;
}
export interface ContactCommandReply extends CommandReply {
  readonly contactId: string;
}
