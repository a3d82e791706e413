import { CLIENT_DETAILS_CORRECTED, type ClientDetailsCorrected } from './client-details-corrected.js';
import { CLIENT_ERASED, type ClientErased } from './client-erased.js';
import { CLIENT_MERGED_INTO, type ClientMergedInto } from './client-merged-into.js';
import { CLIENT_REGISTERED, type ClientRegistered } from './client-registered.js';
import { CLIENTS_MERGED, type ClientsMerged } from './clients-merged.js';
import { CONTACT_CORRECTED, type ContactCorrected } from './contact-corrected.js';
import { CONTACT_LOGGED, type ContactLogged } from './contact-logged.js';
import { CONTACT_VOIDED, type ContactVoided } from './contact-voided.js';
import {
  DATA_PROCESSING_CONSENT_RECORDED,
  type DataProcessingConsentRecorded,
} from './data-processing-consent-recorded.js';
import { GROUP_SESSION_LOGGED, type GroupSessionLogged } from './group-session-logged.js';
import { OTHER_BASIC_SERVICES_DECLARED, type OtherBasicServicesDeclared } from './other-basic-services-declared.js';
import { REGISTER_NUMBER_ASSIGNED, type RegisterNumberAssigned } from './register-number-assigned.js';
import { SERVICE_ENDED, type ServiceEnded } from './service-ended.js';
import { SERVICE_STARTED, type ServiceStarted } from './service-started.js';

/** Events of a `client-<clientId>` stream. */
export type ClientEvent =
  | ClientRegistered
  | ClientDetailsCorrected
  | DataProcessingConsentRecorded
  | OtherBasicServicesDeclared
  | ServiceStarted
  | ServiceEnded
  | ClientsMerged
  | ClientMergedInto
  | ClientErased;

/** Events of a `register-<site>-<year>` counter stream. */
export type RegisterEvent = RegisterNumberAssigned;

/** Events of a `contact-<contactId>` stream. */
export type ContactEvent = ContactLogged | GroupSessionLogged | ContactCorrected | ContactVoided;

export type AnyIntakeEvent = ClientEvent | RegisterEvent | ContactEvent;

/** Every stored intake event type, for type-filtered `readAll` and subscriptions. */
export const INTAKE_EVENT_TYPES = [
  CLIENT_REGISTERED,
  CLIENT_DETAILS_CORRECTED,
  DATA_PROCESSING_CONSENT_RECORDED,
  OTHER_BASIC_SERVICES_DECLARED,
  SERVICE_STARTED,
  SERVICE_ENDED,
  CLIENTS_MERGED,
  CLIENT_MERGED_INTO,
  CLIENT_ERASED,
  REGISTER_NUMBER_ASSIGNED,
  CONTACT_LOGGED,
  GROUP_SESSION_LOGGED,
  CONTACT_CORRECTED,
  CONTACT_VOIDED,
] as const;
export type IntakeEventType = (typeof INTAKE_EVENT_TYPES)[number];

/** Stream ids (DESIGN.md §3: streams are aggregates). */
export const clientStreamId = (clientId: string): string => `client-${clientId}`;
export const contactStreamId = (contactId: string): string => `contact-${contactId}`;
export const registerStreamId = (site: string, year: number): string => `register-${site}-${year}`;
