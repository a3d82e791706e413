export {
  type ExpectedVersion,
  type PersonalData,
  REDACTED,
  type Redacted,
  isRedacted,
  type NewEvent,
  type RecordedEvent,
  type Checkpoint,
  type AppendRequest,
  type AppendResult,
  type ReadStreamOptions,
  type ReadAllOptions,
  type ReadAllBatch,
  type Upcaster,
  type UpcasterRegistry,
  type EventStore,
} from './event-store.port.js';
export { START, compareCheckpoints, encodeCheckpoint, decodeCheckpoint, isCheckpoint, maxCheckpoint } from './checkpoint.js';
export {
  WrongExpectedVersionError,
  DuplicateEventIdError,
  InvalidAppendError,
  formatExpectedVersion,
} from './errors.js';
export { validateAppendRequests, streamCategory } from './append-validation.js';
export { upcast } from './upcasting.js';
export { streamAllFrom } from './stream-all.js';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory-event-store.js';
export { MASTER_KEY_ENV, parseMasterKey, masterKeyFromEnv } from './crypto/master-key.js';
export {
  type EncryptedPersonalData,
  generateDataKey,
  wrapKey,
  unwrapKey,
  encryptPersonalData,
  decryptPersonalData,
} from './crypto/envelope.js';
export { type SubjectKeyStore } from './crypto/subject-key-store.js';
export { InMemorySubjectKeyStore } from './crypto/in-memory-subject-key-store.js';
export { CachedSubjectKeyStore, type CachedSubjectKeyStoreOptions } from './crypto/cached-subject-key-store.js';
export { sealPersonal, openPersonal, type SealedPersonal, type OpenedPersonal } from './crypto/personal-data.js';
export { eventStoreContract } from './testing/event-store.contract.js';
export { type EventStoreFactory, fullMetadata, newEvent, collect, caught, untilVisible } from './testing/fixtures.js';
export { checkExpectedVersion, exactly, metadataOf } from './command-helpers.js';
export { OneCommandEventStore } from './one-command-event-store.js';
