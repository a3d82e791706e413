import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { CidFont, glyphCode, parseFont } from './cid-font.js';
import { num, TableWriter } from './table-writer.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

interface PdfkitFont {
  layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number; advanceWidth: number }[] };
  widthOfString(text: string, size: number): number;
}

/** pdfkit's embedded font of a fresh document: the reference for shaping. */
function pdfkitFont(file: string): PdfkitFont {
  const doc = new PDFDocument();
  doc.registerFont('f', readFileSync(join(fontDir, file)));
  return (doc.font('f') as unknown as { _font: PdfkitFont })._font;
}

const writerOf = (file: string): TableWriter => new TableWriter(new CidFont('F1', parseFont(readFileSync(join(fontDir, file)))), 7);

/** The operator as pdfkit's `_fragment` writes it from the layout of the whole line, with the font's own glyph ids. */
function referenceShow(font: PdfkitFont, line: string): string {
  const { glyphs, positions } = font.layout(line);
  const parts: string[] = [];
  let from = 0;
  positions.forEach((p, i) => {
    const adjust = p.xAdvance - p.advanceWidth;
    if (adjust !== 0 || i === positions.length - 1) {
      const codes = glyphs
        .slice(from, i + 1)
        .map((g) => glyphCode(g.id))
        .join('');
      parts.push(`(${codes})${adjust !== 0 ? ` ${num(-adjust)}` : ''}`);
      from = i + 1;
    }
  });
  return parts.length === 1 && parts[0]?.endsWith(')') ? `${parts[0]} Tj` : `[${parts.join(' ')}] TJ`;
}

// Kerned pairs (Te, AV, Wo, "y."), ő/ű, tabs, numbers alone and inside text, a word repeated in other lines.
const LINES = [
  '60664',
  'Tervezett AVON Wolf Tóth Győző, Fűzfa út 12.',
  '0',
  'szül. 1975, Eltartott, Egy szülő 18 év alatti gyermek(ek)kel',
  '2025-01-16',
  '1234567890',
  'Tervezett\tmunka, "idézet" (zárójel) – gyakran. Ttt VA yy. 9',
  '26000001',
  'Wolf 12 / 4798. oldal',
];

describe('TableWriter', () => {
  it.each(['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'])(
    'writes the glyphs and kerning pdfkit shapes for the whole line, composed from words and digits (%s)',
    (file) => {
      const writer = writerOf(file);
      const theirs = pdfkitFont(file);
      for (const line of [...LINES, ...LINES]) expect(writer.show(line)).toBe(referenceShow(theirs, line));
    },
  );

  it('measures numbers and words as pdfkit does', () => {
    const writer = writerOf('DejaVuSansCondensed.ttf');
    const theirs = pdfkitFont('DejaVuSansCondensed.ttf');
    for (const word of ['60664', '0', '1111', '2025-01-16', 'Győző,', 'AVON', '9876543210']) {
      expect(writer.width(word)).toBe(theirs.widthOfString(word, 7));
    }
  });

  it('wraps a number wider than its cell between digits', () => {
    const writer = writerOf('DejaVuSansCondensed.ttf');
    const lines = writer.wrap('123456789012345', writer.width('12345') + 0.01);
    expect(lines).toEqual(['12345', '67890', '12345']);
  });
});
