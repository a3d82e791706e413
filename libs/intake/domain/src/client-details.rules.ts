import {
  type ClientCodedData,
  type ClientDetails,
  type ClientPersonalDetails,
  CODED_DETAIL_FIELDS,
  type FieldChanges,
  INTAKE_ERRORS,
  PERSONAL_DETAIL_FIELDS,
} from '@kapocs/intake/contracts';
import { yearOf } from './dates.js';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';
import { normaliseTaj, tajCheckDigit } from './taj.js';
import { isBlank, missing, requireCode, requirePastDate, requireSettlement, requireText } from './validation.js';

type Check = (field: string, value: unknown, today: string, rules: IntakeRules) => unknown;
interface FieldRule {
  readonly required: boolean;
  readonly check: Check;
}

const text =
  (max: number): Check =>
  (field, value) =>
    requireText(field, value, max);
const code =
  (list: Parameters<typeof requireCode>[2]): Check =>
  (field, value, today, rules) =>
    requireCode(rules, field, list, value, today);
const settlement: Check = (field, value) => requireSettlement(field, value);

const taj: Check = (field, value) => {
  const digits = typeof value === 'string' ? normaliseTaj(value) : undefined;
  if (!digits || tajCheckDigit(digits.slice(0, 8)) !== Number(digits[8])) {
    throw new IntakeError(INTAKE_ERRORS.INVALID_TAJ, { field }, `${field} fails the TAJ check digit`);
  }
  return digits;
};

/** One rule per field a worker can enter; the single place that knows which are required (Szt. 18. § a), b)). */
const RULES: { readonly [K in keyof ClientDetails]-?: FieldRule } = {
  name: { required: true, check: text(200) },
  birthName: { required: false, check: text(200) },
  mothersName: { required: true, check: text(200) },
  birthPlace: { required: true, check: text(100) },
  birthDate: { required: true, check: (field, value, today) => requirePastDate(field, value, today) },
  taj: { required: false, check: taj },
  residenceAddress: { required: false, check: text(300) },
  stayAddress: { required: false, check: text(300) },
  phone: { required: false, check: text(40) },
  email: { required: false, check: text(200) },
  sex: { required: true, check: code('sex') },
  citizenship: { required: true, check: code('citizenship') },
  residenceSettlement: { required: false, check: settlement },
  staySettlement: { required: false, check: settlement },
  economicActivity: { required: false, check: code('economicActivity') },
  education: { required: false, check: code('education') },
  familyStatus: { required: false, check: code('familyStatus') },
  householdId: { required: false, check: text(64) },
  householdRelation: { required: false, check: code('householdRelation') },
};

const FIELDS = Object.keys(RULES) as (keyof ClientDetails & string)[];

/** Validates and normalises a full set of details (trimmed text, bare TAJ digits); blank optional fields are dropped. */
export function validateClientDetails(details: unknown, today: string, rules: IntakeRules): ClientDetails {
  if (typeof details !== 'object' || details === null) throw missing('details');
  const input = details as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const rule = RULES[field];
    if (isBlank(input[field])) {
      if (rule.required) throw missing(field);
      continue;
    }
    out[field] = rule.check(field, input[field], today, rules);
  }
  return out as unknown as ClientDetails;
}

/** Validates the fields a correction changes; `null` clears an optional field and is refused for a required one. */
export function validateClientChanges(
  changes: unknown,
  today: string,
  rules: IntakeRules,
): FieldChanges<ClientDetails> {
  if (typeof changes !== 'object' || changes === null) throw missing('changes');
  const input = changes as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (!(field in input) || input[field] === undefined) continue;
    if (isBlank(input[field])) {
      if (RULES[field].required) throw missing(field);
      out[field] = null;
      continue;
    }
    out[field] = RULES[field].check(field, input[field], today, rules);
  }
  return out as FieldChanges<ClientDetails>;
}

/** Splits details into what goes to `personal[clientId]` and what stays in `data`. */
export function splitClientDetails(details: ClientDetails): {
  personal: ClientPersonalDetails;
  coded: ClientCodedData;
} {
  const pick = (fields: readonly string[]): Record<string, unknown> =>
    Object.fromEntries(fields.filter((f) => f in details).map((f) => [f, details[f as keyof ClientDetails]]));
  return {
    personal: pick(PERSONAL_DETAIL_FIELDS) as unknown as ClientPersonalDetails,
    coded: { ...(pick(CODED_DETAIL_FIELDS) as unknown as ClientCodedData), birthYear: yearOf(details.birthDate) },
  };
}

const isPersonalField = (field: string): boolean => (PERSONAL_DETAIL_FIELDS as readonly string[]).includes(field);

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface ClientDiff {
  readonly codedBefore: Record<string, unknown>;
  readonly codedAfter: Record<string, unknown>;
  readonly personalBefore: Record<string, unknown>;
  readonly personalAfter: Record<string, unknown>;
}

/** Only the fields whose value really changes, each with its old and new value (null = absent). */
export function diffClient(
  current: { readonly coded: ClientCodedData; readonly personal?: ClientPersonalDetails },
  changes: FieldChanges<ClientDetails>,
): ClientDiff {
  const diff: ClientDiff = { codedBefore: {}, codedAfter: {}, personalBefore: {}, personalAfter: {} };
  for (const [field, next] of Object.entries(changes)) {
    const personal = isPersonalField(field);
    const source = ((personal ? current.personal : current.coded) ?? {}) as Readonly<Record<string, unknown>>;
    if (sameValue(source[field], next)) continue;
    (personal ? diff.personalBefore : diff.codedBefore)[field] = source[field] ?? null;
    (personal ? diff.personalAfter : diff.codedAfter)[field] = next ?? null;
  }
  const newBirthDate = diff.personalAfter['birthDate'];
  if (typeof newBirthDate === 'string' && yearOf(newBirthDate) !== current.coded.birthYear) {
    diff.codedBefore['birthYear'] = current.coded.birthYear;
    diff.codedAfter['birthYear'] = yearOf(newBirthDate);
  }
  return diff;
}

/** Applies a correction: a value replaces, null removes. */
export const applyChanges = <T extends object>(target: T, changes: Readonly<Record<string, unknown>>): T => {
  const out = { ...target } as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete out[field];
    else out[field] = value;
  }
  return out as T;
};
