export { REFERENCE_SCHEMA, referenceMigrations, referenceChannel } from './reference-data.migrations.js';
export { defaultCodeListDir, loadCodeListFiles, type LoadedCodeListFiles } from './code-list-files.js';
export { CodeListVersionStore, type StoredCodeListVersion } from './code-list-versions.store.js';
export { LiveCodeLists, type LiveCodeListsOptions, startLiveCodeLists } from './live-code-lists.js';
