import type { CodeListName, CodeLists, ReferenceCode } from '@kapocs/shared/reference-data';

export { CODE_LISTS, type CodeListName, type ReferenceCode } from '@kapocs/shared/reference-data';

/**
 * The code lists intake validates against: versioned reference data kept outside code (`data/*.json` of
 * @kapocs/shared/reference-data, plus the operators' versions; ADR-0009). Deciders receive it, they never load it.
 */
export type CodeCatalogue = CodeLists;

/** The entry valid on the date, or undefined for an unknown or expired code. */
export const findCode = (catalogue: CodeCatalogue, list: CodeListName, code: string, onDate: string): ReferenceCode | undefined =>
  catalogue.find(list, code, onDate);

/** The codes of one list valid on a date, in catalogue order (for pick lists). */
export const codesOf = (catalogue: CodeCatalogue, list: CodeListName, onDate: string): readonly ReferenceCode[] =>
  catalogue.validOn(list, onDate);
