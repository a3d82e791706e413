import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CODE_LISTS,
  CodeListFileError,
  codeListFileName,
  crossEntryProblem,
  parseCodeListFile,
  type CodeListFile,
  type ReferenceCode,
} from '@kapocs/shared/reference-data';

/**
 * Where the shipped code list files are: `libs/shared/reference-data/data`, found from this file in the sources
 * (tests) and in the build (`dist/libs/platform/reference-data/src`, next to `dist/libs/shared/reference-data/data`).
 */
export function defaultCodeListDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', '..', 'shared', 'reference-data', 'data'), join(process.cwd(), 'libs', 'shared', 'reference-data', 'data')];
  const found = candidates.find((d) => existsSync(join(d, codeListFileName('sex'))));
  if (!found) throw new Error(`reference data: no code list files in ${candidates.join(' or ')}`);
  return found;
}

export interface LoadedCodeListFiles {
  readonly files: readonly CodeListFile[];
  /** Every entry of every file, in CODE_LISTS order. */
  readonly entries: readonly ReferenceCode[];
}

/**
 * Reads and checks every code list file of `dir` strictly, at startup: each must parse and pass `parseCodeListFile`,
 * every list of CODE_LISTS must have its file and no other `.json` may lie there. The first problem throws a
 * CodeListFileError naming the file and the line, so a bad deploy fails before serving anything.
 */
export function loadCodeListFiles(dir: string = defaultCodeListDir()): LoadedCodeListFiles {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  const expected = new Set(CODE_LISTS.map(codeListFileName));
  const stray = names.find((n) => !expected.has(n));
  if (stray !== undefined) throw new CodeListFileError(join(dir, stray), undefined, 'not the file of a known code list');
  const files = CODE_LISTS.map((list) => {
    const path = join(dir, codeListFileName(list));
    if (!existsSync(path)) throw new CodeListFileError(path, undefined, `the file of code list "${list}" is missing`);
    return parseCodeListFile(path, readFileSync(path, 'utf8'));
  });
  const entries = files.flatMap((f) => f.entries);
  const cross = crossEntryProblem(entries);
  if (cross) throw new CodeListFileError(dir, undefined, cross.problem);
  return { files, entries };
}
