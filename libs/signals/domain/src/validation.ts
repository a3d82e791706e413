import { isSignalCodeValid, SIGNALS_ERRORS, type SignalCodeCatalogue, type SignalCodeList } from '@kapocs/signals/contracts';
import { isIsoDate } from './dates.js';
import { SignalsError } from './signals-error.js';

export const missing = (field: string): SignalsError => new SignalsError(SIGNALS_ERRORS.MISSING_FIELD, { field }, `${field} is required`);

export function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw missing(field);
  return value;
}

/** A past or present day; `today` is the Budapest date of the command. */
export function requirePastDate(field: string, value: unknown, today: string): string {
  if (value === undefined || value === '') throw missing(field);
  if (!isIsoDate(value)) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field, reason: 'not_iso_date' }, `${field} is not a date`);
  if (value > today) throw new SignalsError(SIGNALS_ERRORS.DATE_IN_FUTURE, { field, date: value, today }, `${field} is in the future`);
  return value;
}

export function requireCode(codes: SignalCodeCatalogue, list: SignalCodeList, field: string, code: unknown, onDate: string): string {
  if (typeof code !== 'string' || code === '') throw missing(field);
  if (!isSignalCodeValid(codes, list, code, onDate)) {
    throw new SignalsError(SIGNALS_ERRORS.UNKNOWN_CODE, { field, list, code, onDate }, `unknown ${list} code`);
  }
  return code;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (value === undefined || value === '') throw missing(field);
  if (!(allowed as readonly unknown[]).includes(value)) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field, reason: 'not_allowed' }, `bad ${field}`);
  return value as T;
}

/** TAJ (társadalombiztosítási azonosító jel): 9 digits, spaces allowed, the 9th the check digit (weights 3, 7). */
export function requireTaj(field: string, value: unknown): string {
  const digits = typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';
  const ok = /^\d{9}$/.test(digits) && [...digits.slice(0, 8)].reduce((sum, c, i) => sum + Number(c) * (i % 2 === 0 ? 3 : 7), 0) % 10 === Number(digits[8]);
  if (!ok) throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field, reason: 'not_taj' }, `${field} is not a TAJ`);
  return digits;
}
