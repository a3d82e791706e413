export {
  CODE_LISTS,
  type CodeListName,
  type ReferenceCode,
  type CodeLists,
  isCodeListName,
  codeListFileName,
  isValidOn,
  createCodeLists,
} from './code-list.js';
export {
  CodeListFileError,
  type CodeListFile,
  CODE_PATTERN,
  isIsoDate,
  entryProblem,
  crossEntryProblem,
  parseCodeListFile,
} from './code-list-file.js';
export { versionConflict, applyVersion, applyVersions } from './code-list-versions.js';
export { REFERENCE_ERRORS, type ReferenceErrorCode, REFERENCE_MESSAGES_HU, REFERENCE_MESSAGES_EN } from './reference-errors.js';
export { BASELINE_CODE_LISTS } from './baseline.js';
