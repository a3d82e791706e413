import { type CodeCatalogue, type CodeListName, findCode } from './code-list.js';
import { CONTACT_CODES } from './contact-codes.js';
import { PERSON_CODES } from './person-codes.js';

/** Every intake code list, as shipped; a catalogue loaded from a reference-data store has the same shape. */
export const INTAKE_REFERENCE_CODES: CodeCatalogue = [...PERSON_CODES, ...CONTACT_CODES];

/** Whether the code exists in the list and is valid on the (ISO) date. */
export const isValidCode = (
  list: CodeListName,
  code: string,
  onDate: string,
  catalogue: CodeCatalogue = INTAKE_REFERENCE_CODES,
): boolean => findCode(catalogue, list, code, onDate) !== undefined;
