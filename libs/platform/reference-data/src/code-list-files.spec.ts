import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeListFileError, parseCodeListFile } from '@kapocs/shared/reference-data';
import { defaultCodeListDir, loadCodeListFiles } from './code-list-files.js';

const entry = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ code: 'PHONE', labelHu: 'Telefonon', labelEn: 'By phone', validFrom: '2000-01-01', source: 'teszt', ...over });
const file = (...entries: string[]) =>
  `{\n  "list": "contactMode",\n  "titleHu": "Mód",\n  "titleEn": "Mode",\n  "entries": [\n${entries.map((e) => `    ${e}`).join(',\n')}\n  ]\n}\n`;
const parse = (text: string, name = 'data/contact-mode.json') => () => parseCodeListFile(name, text);

describe('a code list file is checked strictly and a problem names the file and line', () => {
  it('accepts a well-formed file', () =>
    expect(parseCodeListFile('contact-mode.json', file(entry(), entry({ code: 'EMAIL' }))).entries.map((e) => e.code)).toEqual(['PHONE', 'EMAIL']));

  it('refuses an unknown field, on the line of its entry', () =>
    expect(parse(file(entry(), entry({ code: 'X', colour: 'red' })))).toThrow('data/contact-mode.json:7: unknown field "colour"'));

  it('refuses a missing label', () => {
    const { labelEn: _, ...noLabel } = JSON.parse(entry()) as Record<string, unknown>;
    expect(parse(file(JSON.stringify(noLabel)))).toThrow('data/contact-mode.json:6: missing label "labelEn"');
  });

  it('refuses a missing legal source and an empty label', () => {
    expect(parse(file(entry({ source: undefined })))).toThrow(':6: missing "source"');
    expect(parse(file(entry({ labelHu: ' ' })))).toThrow(':6: "labelHu" must be a non-empty string');
  });

  it('refuses overlapping versions of one code, on the line of the later one', () =>
    expect(parse(file(entry({ validTo: '2020-01-01' }), entry({ code: 'EMAIL' }), entry({ validFrom: '2019-06-01' })))).toThrow(
      'data/contact-mode.json:8: contactMode code "PHONE" from 2019-06-01 overlaps its version from 2000-01-01 to 2020-01-01',
    ));

  it('accepts consecutive versions of one code (validTo is exclusive)', () =>
    expect(parse(file(entry({ validTo: '2020-01-01' }), entry({ validFrom: '2020-01-01', labelHu: 'Telefonon, hálózaton' })))).not.toThrow());

  it('refuses impossible dates and an end before the start', () => {
    expect(parse(file(entry({ validFrom: '2023-02-30' })))).toThrow('validFrom "2023-02-30" is not a YYYY-MM-DD date');
    expect(parse(file(entry({ validTo: '1999-01-01' })))).toThrow('validTo must be after validFrom');
  });

  it('refuses invalid JSON with the line of the mistake', () => {
    const err = (() => {
      try {
        parseCodeListFile('contact-mode.json', file(entry()).replace('"PHONE",', '"PHONE"'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CodeListFileError);
    expect((err as CodeListFileError).line).toBe(6);
    expect((err as Error).message).toMatch(/^contact-mode\.json:6: invalid JSON/);
  });

  it('refuses an unknown list, a file named after another list and an unknown parent', () => {
    expect(parse(file(entry()).replace('"contactMode"', '"favouriteColour"'))).toThrow('unknown code list "favouriteColour"');
    expect(parse(file(entry()), 'benefit.json')).toThrow('benefit.json:1: list "contactMode" belongs in contact-mode.json');
    expect(parse(file(entry({ parent: 'NOPE' })))).toThrow(':6: parent "NOPE" is not a code of contactMode');
  });
});

describe('loading the data directory at startup', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kapocs-codes-'));
    cpSync(defaultCodeListDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped files: every list, each entry with its legal source', () => {
    const loaded = loadCodeListFiles(dir);
    expect(loaded.files).toHaveLength(17);
    expect(loaded.entries).toHaveLength(135);
    expect(loaded.entries.every((e) => typeof e.source === 'string' && e.source.length > 0)).toBe(true);
  });

  it('fails loudly on a bad file, naming it and the line', () => {
    const path = join(dir, 'problem-type.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"labelEn": "Financial", ', ''));
    expect(() => loadCodeListFiles(dir)).toThrow(`${path}:11: missing label "labelEn"`);
  });

  it('fails on a missing list file and on a stray file', () => {
    rmSync(join(dir, 'benefit.json'));
    expect(() => loadCodeListFiles(dir)).toThrow('the file of code list "benefit" is missing');
    writeFileSync(join(dir, 'benefit.json'), '{}');
    writeFileSync(join(dir, 'colours.json'), '{}');
    expect(() => loadCodeListFiles(dir)).toThrow('colours.json: not the file of a known code list');
  });
});
