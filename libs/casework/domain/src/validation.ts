import { CASEWORK_ERRORS } from '@kapocs/casework/contracts';
import { type CodeCatalogue, type CodeListName, findCode } from '@kapocs/intake/contracts';
import { CaseworkError } from './casework-error.js';
import { isIsoDate } from './dates.js';

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const invalid = (field: string, reason: string): CaseworkError =>
  new CaseworkError(CASEWORK_ERRORS.INVALID_FIELD, { field, reason }, `${field} is invalid: ${reason}`);

const missing = (field: string): CaseworkError => new CaseworkError(CASEWORK_ERRORS.MISSING_FIELD, { field }, `${field} is required`);

export const requireText = (field: string, value: unknown, maxLength = 4000): string => {
  if (isBlank(value)) throw missing(field);
  if (typeof value !== 'string') throw invalid(field, 'not_text');
  const text = value.trim();
  if (text.length > maxLength) throw invalid(field, `longer_than_${maxLength}`);
  return text;
};

/** An opaque id chosen by the caller (UUIDs in practice). */
export const requireId = (field: string, value: unknown): string => {
  const text = requireText(field, value, 64);
  if (!/^[A-Za-z0-9-]+$/.test(text)) throw invalid(field, 'not_an_id');
  return text;
};

export const requireDate = (field: string, value: unknown): string => {
  if (isBlank(value)) throw missing(field);
  if (!isIsoDate(value)) throw invalid(field, 'not_iso_date');
  return value;
};

/** A date of something that happened: not after today, not before the case was opened. */
export const requireEntryDate = (field: string, value: unknown, today: string, openedOn?: string): string => {
  const date = requireDate(field, value);
  if (date > today) throw new CaseworkError(CASEWORK_ERRORS.DATE_IN_FUTURE, { field, date, today }, `${field} is after today`);
  if (openedOn !== undefined && date < openedOn) {
    throw new CaseworkError(CASEWORK_ERRORS.DATE_BEFORE_OPENING, { field, date, openedOn }, `${field} is before the opening`);
  }
  return date;
};

/** A deadline: not before `after` (the day it is set). */
export const requireDeadline = (caseId: string, field: string, value: unknown, after: string): string => {
  const deadline = requireDate(field, value);
  if (deadline < after) {
    throw new CaseworkError(CASEWORK_ERRORS.DEADLINE_IN_PAST, { caseId, field, deadline, after }, `${field} is in the past`);
  }
  return deadline;
};

/** Codes of one shared list valid on the date, without repeats; at least one. */
export function requireCodes(codes: CodeCatalogue, field: string, list: CodeListName, value: unknown, onDate: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) throw missing(field);
  const checked = value.map((code, i) => requireCode(codes, `${field}[${i}]`, list, code, onDate));
  if (new Set(checked).size !== checked.length) throw invalid(field, 'repeated_code');
  return checked;
}

export function requireCode(codes: CodeCatalogue, field: string, list: CodeListName, value: unknown, onDate: string): string {
  if (typeof value !== 'string' || !findCode(codes, list, value, onDate)) {
    throw new CaseworkError(
      CASEWORK_ERRORS.UNKNOWN_CODE,
      { field, list, code: String(value), onDate },
      `${field}: not a code of ${list} valid on ${onDate}`,
    );
  }
  return value;
}
