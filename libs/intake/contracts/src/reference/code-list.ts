/**
 * Code lists are versioned reference data, never constants in code (DOMAIN.md "Reports change yearly"): an entry is
 * valid from `validFrom` (inclusive) until `validTo` (exclusive), both ISO dates, so old records stay decodable with the
 * code that was valid on their date.
 */
export const CODE_LISTS = [
  'sex',
  'citizenship',
  'familyStatus',
  'economicActivity',
  'education',
  'householdRelation',
  'problemType',
  'caseHandling',
  'benefit',
  'referrer',
  'contactMode',
  'groupType',
  'basicService',
] as const;
export type CodeListName = (typeof CODE_LISTS)[number];

/** One code of one list in one validity interval. */
export interface ReferenceCode {
  readonly list: CodeListName;
  readonly code: string;
  readonly labelHu: string;
  readonly labelEn: string;
  /** The abbreviation printed in a legal column heading (e.g. "Ü" for ügyintézés), when it differs from the code. */
  readonly abbreviation?: string;
  /** Parent code inside the same list (e.g. 2.1 családon belüli bántalmazás under 2). */
  readonly parent?: string;
  readonly validFrom: string;
  readonly validTo?: string;
}

/** A catalogue of every code list; the default one is `INTAKE_REFERENCE_CODES`. */
export type CodeCatalogue = readonly ReferenceCode[];

/** ISO date comparison is string comparison for YYYY-MM-DD. */
const validOn = (entry: ReferenceCode, onDate: string): boolean =>
  entry.validFrom <= onDate && (entry.validTo === undefined || onDate < entry.validTo);

/** The entry valid on the date, or undefined for an unknown or expired code. */
export const findCode = (
  catalogue: CodeCatalogue,
  list: CodeListName,
  code: string,
  onDate: string,
): ReferenceCode | undefined => catalogue.find((e) => e.list === list && e.code === code && validOn(e, onDate));

/** The codes of one list valid on a date, in catalogue order (for pick lists). */
export const codesOf = (catalogue: CodeCatalogue, list: CodeListName, onDate: string): readonly ReferenceCode[] =>
  catalogue.filter((e) => e.list === list && validOn(e, onDate));
