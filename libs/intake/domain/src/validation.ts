import { type CodeListName, INTAKE_ERRORS, findCode } from '@kapocs/intake/contracts';
import { isDistrictCode, isSettlementCode, type SettlementCode } from '@kapocs/shared/kernel';
import { isIsoDate } from './dates.js';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';

/** Absent, null or blank: what "missing" means for a required field. */
export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const invalid = (field: string, reason: string): IntakeError =>
  new IntakeError(INTAKE_ERRORS.INVALID_FIELD, { field, reason }, `${field} is invalid: ${reason}`);

export const missing = (field: string): IntakeError =>
  new IntakeError(INTAKE_ERRORS.MISSING_FIELD, { field }, `${field} is required`);

export const requireText = (field: string, value: unknown, maxLength = 200): string => {
  if (isBlank(value)) throw missing(field);
  if (typeof value !== 'string') throw invalid(field, 'not_text');
  const text = value.trim();
  if (text.length > maxLength) throw invalid(field, `longer_than_${maxLength}`);
  return text;
};

export const requireBoolean = (field: string, value: unknown): boolean => {
  if (typeof value !== 'boolean') throw invalid(field, 'not_boolean');
  return value;
};

export const requireCount = (field: string, value: unknown, min: number, max = 100_000): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `not_integer_${min}_to_${max}`);
  }
  return value;
};

export const requireDate = (field: string, value: unknown): string => {
  if (isBlank(value)) throw missing(field);
  if (!isIsoDate(value)) throw invalid(field, 'not_iso_date');
  return value;
};

/** A date that cannot lie after today (the Budapest date of `meta.now`). */
export const requirePastDate = (field: string, value: unknown, today: string): string => {
  const date = requireDate(field, value);
  if (date > today) {
    const code = field === 'birthDate' ? INTAKE_ERRORS.BIRTH_DATE_IN_FUTURE : INTAKE_ERRORS.DATE_IN_FUTURE;
    throw new IntakeError(code, { field, date, today }, `${field} ${date} is after today ${today}`);
  }
  return date;
};

export const requireSettlement = (field: string, value: unknown): SettlementCode => {
  if (isBlank(value)) throw missing(field);
  if (!isSettlementCode(value)) throw invalid(field, 'not_ksh_settlement_code');
  return value;
};

export const requireDistrict = (field: string, value: unknown): void => {
  if (!isDistrictCode(value)) throw invalid(field, 'not_ksh_district_code');
};

/** A code of the list valid on the date; unknown or expired → INTAKE_UNKNOWN_CODE naming the field. */
export const requireCode = (rules: IntakeRules, field: string, list: CodeListName, value: unknown, onDate: string): string => {
  if (isBlank(value)) throw missing(field);
  if (typeof value !== 'string' || !findCode(rules.codes, list, value, onDate)) {
    throw new IntakeError(
      INTAKE_ERRORS.UNKNOWN_CODE,
      { field, list, code: String(value), onDate },
      `${field}: ${String(value)} is not a code of ${list} valid on ${onDate}`,
    );
  }
  return value;
};

/** Several codes of one list, without repeats; `atLeastOne` makes an empty list missing. */
export const requireCodes = (
  rules: IntakeRules,
  field: string,
  list: CodeListName,
  value: unknown,
  onDate: string,
  atLeastOne: boolean,
): readonly string[] => {
  if (value === undefined || value === null) {
    if (atLeastOne) throw missing(field);
    return [];
  }
  if (!Array.isArray(value)) throw invalid(field, 'not_a_list');
  if (atLeastOne && value.length === 0) throw missing(field);
  const codes = value.map((v, i) => requireCode(rules, `${field}[${i}]`, list, v, onDate));
  if (new Set(codes).size !== codes.length) throw invalid(field, 'repeated_code');
  return codes;
};
