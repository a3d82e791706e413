import { codeListFileName, isCodeListName, type CodeListName, type ReferenceCode } from './code-list.js';

/** A data file that breaks a rule: the message names the file and the line, so the fix is one look away. */
export class CodeListFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'CodeListFileError';
  }
}

/** One code list file: `{ list, titleHu, titleEn, entries: [{ code, labelHu, labelEn, validFrom, validTo?, source }] }`. */
export interface CodeListFile {
  readonly list: CodeListName;
  readonly titleHu: string;
  readonly titleEn: string;
  readonly entries: readonly ReferenceCode[];
}

const FILE_KEYS = new Set(['list', 'titleHu', 'titleEn', 'entries']);
const ENTRY_KEYS = new Set(['code', 'abbreviation', 'parent', 'labelHu', 'labelEn', 'validFrom', 'validTo', 'source']);
const REQUIRED = ['code', 'labelHu', 'labelEn', 'validFrom', 'source'] as const;
/** Codes are short ASCII tokens: digits with dots (OSAP numbering) or upper-case words. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;

/** Whether `v` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** What is wrong with one entry of `list`, or undefined; shared by the file loader and the operator's route. */
export function entryProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'an entry must be an object';
  const entry = raw as Record<string, unknown>;
  const unknown = Object.keys(entry).find((k) => !ENTRY_KEYS.has(k));
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  for (const k of REQUIRED) {
    if (entry[k] === undefined) return `missing ${k === 'labelHu' || k === 'labelEn' ? 'label ' : ''}"${k}"`;
  }
  for (const k of ENTRY_KEYS) {
    const v = entry[k];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) return `"${k}" must be a non-empty string`;
  }
  if (!CODE_PATTERN.test(entry['code'] as string)) return `code "${String(entry['code'])}" is not a short ASCII token`;
  if (!isIsoDate(entry['validFrom'])) return `validFrom "${String(entry['validFrom'])}" is not a YYYY-MM-DD date`;
  if (entry['validTo'] !== undefined) {
    if (!isIsoDate(entry['validTo'])) return `validTo "${String(entry['validTo'])}" is not a YYYY-MM-DD date`;
    if ((entry['validTo'] as string) <= (entry['validFrom'] as string)) return 'validTo must be after validFrom';
  }
  return undefined;
}

const overlaps = (a: ReferenceCode, b: ReferenceCode): boolean =>
  a.validFrom < (b.validTo ?? '9999-12-31') && b.validFrom < (a.validTo ?? '9999-12-31');

/**
 * Rules across entries: no two versions of one code overlap, and a parent is a code of the same list. Returns the index
 * of the first offending entry and the problem.
 */
export function crossEntryProblem(entries: readonly ReferenceCode[]): { index: number; problem: string } | undefined {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ReferenceCode;
    const clash = entries.slice(0, i).find((o) => o.list === e.list && o.code === e.code && overlaps(o, e));
    if (clash) {
      return {
        index: i,
        problem: `${e.list} code "${e.code}" from ${e.validFrom} overlaps its version from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}`,
      };
    }
  }
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ReferenceCode;
    if (e.parent !== undefined && !entries.some((o) => o.list === e.list && o.code === e.parent)) {
      return { index: i, problem: `parent "${e.parent}" is not a code of ${e.list}` };
    }
  }
  return undefined;
}

/** 1-based line of every offset; `lineAt(text, i)`. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Start offsets of the elements of the top-level `entries` array, found by a small scanner that skips strings. */
function entryOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inEntries = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastKey = text.slice(i + 1, j);
      i = j;
    } else if (c === '{' || c === '[') {
      if (depth === 1 && c === '[' && lastKey === 'entries') inEntries = true;
      else if (depth === 2 && inEntries) offsets.push(i);
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1) inEntries = false;
    }
  }
  return offsets;
}

/**
 * Parses and checks one code list file strictly: valid JSON, the file named after its list, no unknown fields, both
 * labels and the legal source on every entry, real dates, no overlapping versions of one code. Any problem throws a
 * CodeListFileError naming the file and line.
 */
export function parseCodeListFile(file: string, text: string): CodeListFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    throw new CodeListFileError(file, position ? lineAt(text, Number(position[1])) : undefined, `invalid JSON (${message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CodeListFileError(file, 1, 'the file must hold one object');
  const doc = raw as Record<string, unknown>;
  const unknown = Object.keys(doc).find((k) => !FILE_KEYS.has(k));
  if (unknown !== undefined) throw new CodeListFileError(file, lineAt(text, text.indexOf(`"${unknown}"`)), `unknown field "${unknown}"`);
  const list = doc['list'];
  if (!isCodeListName(list)) throw new CodeListFileError(file, lineAt(text, Math.max(0, text.indexOf('"list"'))), `unknown code list "${String(list)}"`);
  const base = file.split(/[\\/]/).pop() ?? file;
  if (base !== codeListFileName(list)) throw new CodeListFileError(file, 1, `list "${list}" belongs in ${codeListFileName(list)}`);
  for (const k of ['titleHu', 'titleEn'] as const) {
    if (typeof doc[k] !== 'string' || (doc[k] as string).trim() === '') throw new CodeListFileError(file, 1, `missing title "${k}"`);
  }
  if (!Array.isArray(doc['entries']) || doc['entries'].length === 0) throw new CodeListFileError(file, 1, '"entries" must be a non-empty array');
  const offsets = entryOffsets(text);
  const lineOf = (i: number): number | undefined => (offsets[i] === undefined ? undefined : lineAt(text, offsets[i] as number));
  const entries = (doc['entries'] as unknown[]).map((e, i): ReferenceCode => {
    const problem = entryProblem(e);
    if (problem !== undefined) throw new CodeListFileError(file, lineOf(i), problem);
    return { list, ...(e as Omit<ReferenceCode, 'list'>) };
  });
  const cross = crossEntryProblem(entries);
  if (cross) throw new CodeListFileError(file, lineOf(cross.index), cross.problem);
  return { list, titleHu: doc['titleHu'] as string, titleEn: doc['titleEn'] as string, entries };
}
