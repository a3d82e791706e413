import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { CidFont, glyphCode, parseFont } from './cid-font.js';
import { TableWriter, type EmbeddedFont } from './table-writer.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

function pdfkitFont(file: string): EmbeddedFont & { layout(text: string): { glyphs: { id: number }[] } } {
  const doc = new PDFDocument();
  doc.registerFont('f', readFileSync(join(fontDir, file)));
  return (doc.font('f') as unknown as { _font: EmbeddedFont & { layout(text: string): { glyphs: { id: number }[] } } })._font;
}

/** The glyph ids of a literal-string code sequence. */
function gids(codes: readonly string[]): number[] {
  return codes.map((code) => {
    const bytes = code.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c);
    return (bytes.charCodeAt(0) << 8) | bytes.charCodeAt(1);
  });
}

const TEXTS = ['Tervezett AVON Wolf Tóth Győző, Fűzfa út 12.', 'szül. 1975, Eltartott (ÉRVÉNYTELENÍTVE)', '60664\t2025-01-16', 'Ttt VA yy. 9 – „idézet”'];

describe('CidFont', () => {
  it.each(['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'])('shapes and measures text as pdfkit does, writing the font’s own glyph ids (%s)', (file) => {
    const theirs = pdfkitFont(file);
    const ours = new CidFont('F1', parseFont(readFileSync(join(fontDir, file))));
    for (const text of TEXTS) {
      const [codes, positions] = ours.encode(text);
      const [, theirPositions] = theirs.encode(text);
      expect(gids(codes)).toEqual(theirs.layout(text).glyphs.map((g) => g.id));
      expect(positions.map((p) => [p.xAdvance, p.advanceWidth])).toEqual(theirPositions.map((p) => [p.xAdvance, p.advanceWidth]));
      expect(ours.widthOfString(text, 7)).toBe(theirs.widthOfString(text, 7));
    }
    expect(ours.lineHeight(7, true)).toBe(theirs.lineHeight(7, true));
    expect(ours.ascender).toBe(theirs.ascender);
    // Every glyph written is recorded with the text it stands for (for the ToUnicode map).
    const o = [...ours.used.values()].find((g) => g.codePoints.includes('ő'.codePointAt(0) ?? 0));
    expect(o?.width).toBeGreaterThan(0);
  });

  it('escapes the bytes a literal string cannot hold as they are', () => {
    expect(glyphCode(0x0041)).toBe('\u0000A');
    expect(glyphCode(0x2829)).toBe('\\(\\)');
    expect(glyphCode(0x5c0a)).toBe('\\\\\\n');
    expect(glyphCode(0x0d00)).toBe('\\r\u0000');
    expect(gids([glyphCode(0x2829), glyphCode(0x5c0a), glyphCode(0x0d7f)])).toEqual([0x2829, 0x5c0a, 0x0d7f]);
  });

  it('lets the table writer show kerned text and numbers as literal strings', () => {
    const writer = new TableWriter(new CidFont('F1', parseFont(readFileSync(join(fontDir, 'DejaVuSansCondensed.ttf')))), 7);
    expect(writer.show('60664')).toMatch(/^\(.*\) Tj$/s);
    // "AV" and "Wo" are kerned in DejaVu: an array of strings and adjustments.
    expect(writer.show('AVON Wolf')).toMatch(/^\[\(.*\) -?\d+(\.\d+)? .*\] TJ$/s);
  });
});
