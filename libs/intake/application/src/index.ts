export { type ClientIdentityIndex, type SettlementDirectory, type IdentityProbe } from './ports.js';
export { type IntakeDeps, type CommandResult } from './intake-deps.js';
export { registerClient, type RegisterClientResult } from './register-client.handler.js';
export { handleClientCommand, mergeClients, eraseClient, type SingleClientCommand } from './client-command.handler.js';
export { handleContactCommand } from './contact-command.handler.js';
export { metadataOf, toDomainEvent, loadStream, checkExpectedVersion } from './event-mapping.js';
