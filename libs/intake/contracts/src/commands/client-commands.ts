import type { SettlementCode } from '@kapocs/shared/kernel';
import type { ClientDetails } from '../events/client-details.js';
import type { ConsentForm, ConsentPurposes } from '../events/data-processing-consent-recorded.js';
import type { FieldChanges } from '../events/intake-event.js';
import type { OtherBasicServiceProvider } from '../events/other-basic-services-declared.js';
import type { IntakeCommand } from './intake-command.js';

export interface RegisterClientData {
  /** Chosen by the caller (a UUID), so a retried request addresses the same client. */
  readonly clientId: string;
  readonly site: SettlementCode;
  readonly details: ClientDetails;
  /** The worker saw the probable duplicates and registers a new client anyway. */
  readonly acknowledgeDuplicates?: boolean;
}
/** Nyilvántartásba vétel. */
export type RegisterClient = IntakeCommand<'RegisterClient', RegisterClientData>;

export interface CorrectClientDetailsData {
  readonly clientId: string;
  readonly reason: string;
  readonly changes: FieldChanges<ClientDetails>;
}
export type CorrectClientDetails = IntakeCommand<'CorrectClientDetails', CorrectClientDetailsData>;

export type Declaration =
  | { readonly kind: 'data_processing'; readonly form: ConsentForm; readonly purposes: ConsentPurposes }
  | {
      readonly kind: 'other_basic_services';
      readonly usesOtherServices: boolean;
      readonly providers: readonly OtherBasicServiceProvider[];
    };

export interface RecordDeclarationData {
  readonly clientId: string;
  readonly declaredOn: string;
  readonly declaration: Declaration;
}
/** Nyilatkozat: the data-processing declaration or the other-basic-services declaration. */
export type RecordDeclaration = IntakeCommand<'RecordDeclaration', RecordDeclarationData>;

export type StartService = IntakeCommand<'StartService', { readonly clientId: string; readonly startedOn: string }>;
export type EndService = IntakeCommand<'EndService', { readonly clientId: string; readonly endedOn: string }>;

export interface MergeClientsData {
  readonly survivorId: string;
  readonly mergedClientId: string;
  readonly reason: string;
}
/** `expectedVersion`, when given, is the survivor's. */
export type MergeClients = IntakeCommand<'MergeClients', MergeClientsData>;

/** Törlés: only a head may erase a client's personal data (Szt. 23. §). */
export type EraseClient = IntakeCommand<'EraseClient', { readonly clientId: string }>;

export type ClientCommand =
  | RegisterClient
  | CorrectClientDetails
  | RecordDeclaration
  | StartService
  | EndService
  | MergeClients
  | EraseClient;
