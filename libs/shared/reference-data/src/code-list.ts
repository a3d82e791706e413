/**
 * Code lists are versioned reference data, never constants in code (DOMAIN.md "Reports change yearly", ADR-0009): an
 * entry is valid from `validFrom` (inclusive) until `validTo` (exclusive), both ISO dates, so old records stay
 * decodable with the code that was valid on their date. The shipped versions live in `data/*.json` (one file per
 * list); operators add later versions at run time (`reference.code_list_versions`).
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
  'signalMemberCategory',
  'signalEndangerment',
  'signalChannel',
  'signalMeasure',
] as const;
export type CodeListName = (typeof CODE_LISTS)[number];

export const isCodeListName = (v: unknown): v is CodeListName => typeof v === 'string' && (CODE_LISTS as readonly string[]).includes(v);

/** The data file of a list: `problemType` → `problem-type.json`. */
export const codeListFileName = (list: CodeListName): string => `${list.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;

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
  /** The legal source of this version (act, decree, form, OSAP table), e.g. "Szt. 18. § b)". */
  readonly source?: string;
}

/** ISO date comparison is string comparison for YYYY-MM-DD. */
export const isValidOn = (entry: Pick<ReferenceCode, 'validFrom' | 'validTo'>, onDate: string): boolean =>
  entry.validFrom <= onDate && (entry.validTo === undefined || onDate < entry.validTo);

/**
 * The pure lookup over every code list (the `CodeLists` port): domain code receives a value of this type and never
 * reads files or tables itself. The infrastructure builds it from the data files and the operator's versions.
 */
export interface CodeLists {
  /** The entry of `code` in `list` valid on the ISO date, or undefined for an unknown, not yet or no longer valid code. */
  find(list: CodeListName, code: string, onDate: string): ReferenceCode | undefined;
  /** The codes of one list valid on a date, in list order (for pick lists). */
  validOn(list: CodeListName, onDate: string): readonly ReferenceCode[];
  /** Every version of every list, in list order. */
  readonly entries: readonly ReferenceCode[];
}

/** A CodeLists over entries already checked (see `checkEntries`); lookups are by list and code. */
export function createCodeLists(entries: readonly ReferenceCode[]): CodeLists {
  const byList = new Map<string, Map<string, ReferenceCode[]>>();
  for (const e of entries) {
    const codes = byList.get(e.list) ?? new Map<string, ReferenceCode[]>();
    byList.set(e.list, codes);
    codes.set(e.code, [...(codes.get(e.code) ?? []), e]);
  }
  const frozen = Object.freeze([...entries]);
  return {
    entries: frozen,
    find: (list, code, onDate) => byList.get(list)?.get(code)?.find((e) => isValidOn(e, onDate)),
    validOn: (list, onDate) => frozen.filter((e) => e.list === list && isValidOn(e, onDate)),
  };
}
