import { BASELINE_CODE_LISTS } from '@kapocs/shared/reference-data';
import { type CodeCatalogue, type CodeListName, findCode } from './code-list.js';

/**
 * Every intake code list as shipped (the data files, without operator versions): the default of pure code and tests.
 * The running services validate against the live catalogue (files + `reference.code_list_versions`) instead.
 */
export const INTAKE_REFERENCE_CODES: CodeCatalogue = BASELINE_CODE_LISTS;

/** Whether the code exists in the list and is valid on the (ISO) date. */
export const isValidCode = (
  list: CodeListName,
  code: string,
  onDate: string,
  catalogue: CodeCatalogue = INTAKE_REFERENCE_CODES,
): boolean => findCode(catalogue, list, code, onDate) !== undefined;
