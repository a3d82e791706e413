export { INTAKE_CONTEXT, INTAKE_SUBJECTS } from './subjects.js';
export { INTAKE_ERRORS, type IntakeErrorCode } from './errors.js';
export { INTAKE_MESSAGES_HU } from './errors.hu.js';
export { INTAKE_MESSAGES_EN } from './errors.en.js';
export {
  CODE_LISTS,
  type CodeListName,
  type ReferenceCode,
  type CodeCatalogue,
  findCode,
  codesOf,
} from './reference/code-list.js';
export { INTAKE_REFERENCE_CODES, isValidCode } from './reference/intake-reference-codes.js';
export { type IntakeEvent, type FieldChanges } from './events/intake-event.js';
export {
  type ClientPersonalDetails,
  type ClientCodedDetails,
  type ClientCodedData,
  type ClientDetails,
  PERSONAL_DETAIL_FIELDS,
  CODED_DETAIL_FIELDS,
} from './events/client-details.js';
export { CLIENT_REGISTERED, type ClientRegistered, type ClientRegisteredData } from './events/client-registered.js';
export {
  CLIENT_DETAILS_CORRECTED,
  type ClientDetailsCorrected,
  type ClientDetailsCorrectedData,
  type ClientDetailsCorrectedPersonal,
} from './events/client-details-corrected.js';
export {
  DATA_PROCESSING_CONSENT_RECORDED,
  type DataProcessingConsentRecorded,
  type DataProcessingConsentRecordedData,
  type ConsentPurposes,
  type ConsentForm,
} from './events/data-processing-consent-recorded.js';
export {
  OTHER_BASIC_SERVICES_DECLARED,
  type OtherBasicServicesDeclared,
  type OtherBasicServicesDeclaredData,
  type OtherBasicServicesDeclaredPersonal,
  type OtherBasicServiceProvider,
} from './events/other-basic-services-declared.js';
export { SERVICE_STARTED, type ServiceStarted, type ServiceStartedData } from './events/service-started.js';
export { SERVICE_ENDED, type ServiceEnded, type ServiceEndedData } from './events/service-ended.js';
export { CLIENTS_MERGED, type ClientsMerged, type ClientsMergedData } from './events/clients-merged.js';
export { CLIENT_MERGED_INTO, type ClientMergedInto, type ClientMergedIntoData } from './events/client-merged-into.js';
export { CLIENT_ERASED, type ClientErased, type ClientErasedData } from './events/client-erased.js';
export {
  REGISTER_NUMBER_ASSIGNED,
  type RegisterNumberAssigned,
  type RegisterNumberAssignedData,
} from './events/register-number-assigned.js';
export {
  type ContactSubjectRef,
  type ContactSubject,
  type ClientAtContact,
  type ContactFields,
  type GroupSessionFields,
  type ContactPersonal,
} from './events/contact-fields.js';
export { CONTACT_LOGGED, type ContactLogged, type ContactLoggedData } from './events/contact-logged.js';
export {
  GROUP_SESSION_LOGGED,
  type GroupSessionLogged,
  type GroupSessionLoggedData,
} from './events/group-session-logged.js';
export {
  CONTACT_CORRECTED,
  type ContactCorrected,
  type ContactCorrectedData,
  type ContactCorrectedPersonal,
  type ContactCorrectableFields,
} from './events/contact-corrected.js';
export { CONTACT_VOIDED, type ContactVoided, type ContactVoidedData } from './events/contact-voided.js';
export {
  type ClientEvent,
  type RegisterEvent,
  type ContactEvent,
  type AnyIntakeEvent,
  INTAKE_EVENT_TYPES,
  type IntakeEventType,
  clientStreamId,
  contactStreamId,
  registerStreamId,
} from './events/intake-events.js';
export { type IntakeCommand } from './commands/intake-command.js';
export {
  type RegisterClient,
  type RegisterClientData,
  type CorrectClientDetails,
  type CorrectClientDetailsData,
  type Declaration,
  type RecordDeclaration,
  type RecordDeclarationData,
  type StartService,
  type EndService,
  type MergeClients,
  type MergeClientsData,
  type EraseClient,
  type ClientCommand,
} from './commands/client-commands.js';
export {
  type LogContact,
  type LogContactData,
  type LogGroupSession,
  type LogGroupSessionData,
  type CorrectContact,
  type CorrectContactData,
  type VoidContact,
  type ContactCommand,
} from './commands/contact-commands.js';
export {
  type CommandTarget,
  type RegisterClientPayload,
  type CorrectClientPayload,
  type RecordDeclarationPayload,
  type StartServicePayload,
  type EndServicePayload,
  type MergeClientsPayload,
  type EraseClientPayload,
  type LogContactPayload,
  type LogGroupSessionPayload,
  type CorrectContactPayload,
  type VoidContactPayload,
  type CommandReply,
  type ClientCommandReply,
  type RegisterClientReply,
  type ContactCommandReply,
} from './commands/command-payloads.js';
