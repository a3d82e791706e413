import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { num, TableWriter, type EmbeddedFont } from './table-writer.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A fresh embedded font of a fresh document: its subset numbers glyphs in the order they are first encoded. */
function embedded(file: string): EmbeddedFont {
  const doc = new PDFDocument();
  doc.registerFont('f', readFileSync(join(fontDir, file)));
  return (doc.font('f') as unknown as { _font: EmbeddedFont })._font;
}

/** The operator as pdfkit's `_fragment` writes it, from `encode` of the whole line (the reference). */
function referenceShow(font: EmbeddedFont, line: string): string {
  const [encoded, positions] = font.encode(line);
  const parts: string[] = [];
  let from = 0;
  positions.forEach((p, i) => {
    const adjust = p.xAdvance - p.advanceWidth;
    if (adjust !== 0 || i === positions.length - 1) {
      parts.push(`<${encoded.slice(from, i + 1).join('')}>${adjust !== 0 ? ` ${num(-adjust)}` : ''}`);
      from = i + 1;
    }
  });
  return parts.length === 1 && !parts[0]?.includes(' ') ? `${parts[0] ?? '<>'} Tj` : `[${parts.join(' ')}] TJ`;
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
    'writes the glyphs and kerning of pdfkit, adding glyphs to the subset in the same order (%s)',
    (file) => {
      const ours = embedded(file);
      const theirs = embedded(file);
      const writer = new TableWriter(ours, 7);
      for (const line of [...LINES, ...LINES]) expect(writer.show(line)).toBe(referenceShow(theirs, line));
      // The subsets hold the same glyphs under the same numbers, so the hex codes above mean the same glyphs.
      const glyphs = (f: EmbeddedFont): unknown => (f as unknown as { subset: { glyphs: number[] } }).subset.glyphs;
      expect(glyphs(ours)).toEqual(glyphs(theirs));
    },
  );

  it('measures numbers and words as pdfkit does', () => {
    const font = embedded('DejaVuSansCondensed.ttf');
    const writer = new TableWriter(font, 7);
    for (const word of ['60664', '0', '1111', '2025-01-16', 'Győző,', 'AVON', '9876543210']) {
      expect(writer.width(word)).toBe(font.widthOfString(word, 7));
    }
  });

  it('wraps a number wider than its cell between digits', () => {
    const writer = new TableWriter(embedded('DejaVuSansCondensed.ttf'), 7);
    const lines = writer.wrap('123456789012345', writer.width('12345') + 0.01);
    expect(lines).toEqual(['12345', '67890', '12345']);
  });
});
