import { type CodeListName, INTAKE_REFERENCE_CODES, isValidCode } from '@kapocs/intake/contracts';
import { Weighted } from './prng.js';

/**
 * Rough shares of each code as family-welfare services report them (OSAP 1696 orders of magnitude: financial and
 * administrative problems lead, most contacts are in person). Weights, not constants of the law: a code that is not
 * valid for the whole generated year is dropped, so the generator follows the versioned reference lists.
 */
const WEIGHTS: Readonly<Partial<Record<CodeListName, Readonly<Record<string, number>>>>> = {
  sex: { '1': 45, '2': 55 },
  citizenship: { HU: 970, EEA: 10, SETTLED: 6, IMMIGRANT: 4, REFUGEE: 3, PROTECTED: 2, STATELESS: 1, OTHER: 4 },
  economicActivity: { '1': 40, '2': 22, '3': 20, '3.1': 0, '4': 0 },
  education: { '2': 14, '3': 34, '4': 4, '5': 24, '6': 12, '7': 6, '8': 6 },
  problemType: { '1': 8, '2': 13, '2.1': 2, '3': 5, '4': 12, '5': 25, '6': 8, '7': 4, '8': 18, '9': 5, '10': 3 },
  caseHandling: { I: 25, UI: 25, S: 20, T: 12, TI: 6, E: 3, P: 2, G: 1.5, V: 0.5, UG: 0.5 },
  contactMode: { IN_PERSON: 55, PHONE: 25, FAMILY_VISIT: 12, EMAIL: 4, OUTSIDE: 4 },
  referrer: { '1': 50, '2': 10, '3': 5, '4': 15, '5': 8, '6': 12 },
  groupType: { '1': 25, '2': 10, '3': 5, '4': 10, '5': 15, '6': 15, COMMUNITY: 20 },
  basicService: {
    VILLAGE_CARETAKER: 20,
    MEALS: 30,
    HOME_HELP: 20,
    ALARM_HOME_HELP: 5,
    FAMILY_SUPPORT: 5,
    COMMUNITY_CARE: 5,
    SUPPORT_SERVICE: 5,
    STREET_WORK: 2,
    DAY_CARE: 8,
  },
};

/** Every weighted list the generator draws from, valid for one calendar year. */
export interface CodeTables {
  readonly year: number;
  table(list: CodeListName): Weighted<string>;
}

/** A code is usable for the year when it is valid on its first and last day (validity is one interval). */
const validAllYear = (list: CodeListName, code: string, year: number): boolean =>
  isValidCode(list, code, `${year}-01-01`, INTAKE_REFERENCE_CODES) &&
  isValidCode(list, code, `${year}-12-31`, INTAKE_REFERENCE_CODES);

export function codeTablesFor(year: number): CodeTables {
  const tables = new Map<CodeListName, Weighted<string>>();
  for (const [list, weights] of Object.entries(WEIGHTS) as [CodeListName, Record<string, number>][]) {
    const items = Object.entries(weights).filter(([code, w]) => w > 0 && validAllYear(list, code, year));
    tables.set(list, new Weighted(items));
  }
  return {
    year,
    table: (list) => {
      const t = tables.get(list);
      if (!t) throw new Error(`no weights for code list ${list}`);
      return t;
    },
  };
}
