import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ContactLogRow } from '@kapocs/projector/contracts';
import { CONTACT_LOG_HEADINGS, contactLogCells } from './columns.js';

// A TTF with ő and ű: the PDF standard fonts (WinAnsi) have neither. Shipped as an npm package so CI needs no OS font.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/**
 * The fonts, read and parsed once: every export embeds its own subset, but parsing the TTFs (and their layout tables)
 * for each document was most of the cost of a small export. Starts as the file contents; after the first document,
 * the parsed fontkit fonts pdfkit made from them (which cache glyph data only, never text).
 */
const fonts: Record<'body' | 'bold', unknown> = {
  body: readFileSync(join(fontDir, 'DejaVuSansCondensed.ttf')),
  bold: readFileSync(join(fontDir, 'DejaVuSansCondensed-Bold.ttf')),
};

/** Column widths in points, summing to the printable width of A4 landscape with 28 pt margins. */
const WIDTHS = [50, 32, 52, 120, 18, 20, 60, 80, 150, 52, 34, 58, 58];
const MARGIN = 28;
const SIZE = 7;
const PAD = 2;

export interface ContactLogPdfHeader {
  /** E.g. "Szécsény (03179)". */
  readonly site: string;
  readonly district: string;
  /** E.g. "2026-03" or "2026". */
  readonly period: string;
  readonly printedAt: string;
}

/** The parts of pdfkit's embedded font the table writer uses (not in @types/pdfkit). */
interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  ref(): unknown;
  lineHeight(size: number, includeGap?: boolean): number;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], readonly { readonly xAdvance: number; readonly advanceWidth: number }[]];
}

const round = (v: number): number => Math.round(v * 100) / 100;
const num = (v: number): string => String(round(v));

/**
 * Lays out and writes table text straight into the page content, with the fonts pdfkit embedded (subset, ToUnicode,
 * so the text stays extractable). pdfkit's `text()` wraps and encodes every call from scratch (and `heightOfString`
 * wraps once more): for a year of a big site, ~1 M cells, that was most of the export time. Here a word's width and
 * a line's encoded glyphs are computed once per distinct string; labels, dates and names repeat all the time.
 */
class TableWriter {
  private readonly widths = new Map<string, number>();
  private readonly glyphs = new Map<string, string>();
  readonly lineHeight: number;
  private readonly space: number;

  constructor(
    readonly font: EmbeddedFont,
    readonly size: number,
  ) {
    this.lineHeight = font.lineHeight(size, true);
    this.space = font.widthOfString(' ', size);
  }

  width(word: string): number {
    let w = this.widths.get(word);
    if (w === undefined) {
      w = this.font.widthOfString(word, this.size);
      this.widths.set(word, w);
    }
    return w;
  }

  /** Greedy word wrap within `width`; a word wider than the cell is broken between characters. */
  wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        if (word === '') continue;
        const w = this.width(word);
        if (line && lineWidth + this.space + w <= width) {
          line += ` ${word}`;
          lineWidth += this.space + w;
          continue;
        }
        if (line) lines.push(line);
        if (w <= width) {
          line = word;
          lineWidth = w;
          continue;
        }
        line = '';
        lineWidth = 0;
        for (const ch of word) {
          const cw = this.width(ch);
          if (line && lineWidth + cw > width) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += ch;
          lineWidth += cw;
        }
      }
      if (line) lines.push(line);
    }
    return lines;
  }

  /** The operator showing `line`, kerning included (as pdfkit's own `_fragment` writes it). */
  show(line: string): string {
    let op = this.glyphs.get(line);
    if (op === undefined) {
      const [encoded, positions] = this.font.encode(line);
      const parts: string[] = [];
      let from = 0;
      positions.forEach((p, i) => {
        const adjust = p.xAdvance - p.advanceWidth;
        if (adjust !== 0 || i === positions.length - 1) {
          parts.push(`<${encoded.slice(from, i + 1).join('')}>${adjust !== 0 ? ` ${num(-adjust)}` : ''}`);
          from = i + 1;
        }
      });
      op = parts.length === 1 && !parts[0]?.includes(' ') ? `${parts[0] ?? '<>'} Tj` : `[${parts.join(' ')}] TJ`;
      this.glyphs.set(line, op);
    }
    return op;
  }
}

interface LaidOutRow {
  readonly lines: readonly (readonly string[])[];
  readonly height: number;
  readonly strike: boolean;
}

/**
 * The forgalmi napló as a PDF laid out like the legal form (1/2000. SzCsM r. 7. melléklet): A4 landscape, the legal
 * column headings repeated on every page, the site and period in the header, "n / N. oldal" at the foot. Voided
 * entries keep their line and number and say so. Laid out in a first pass (so N is known), then written page by page
 * without keeping the pages in memory.
 */
export function contactLogPdf(header: ContactLogPdfHeader, entries: readonly ContactLogRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `Forgalmi napló ${header.period}` } });
  doc.registerFont('body', fonts.body as Buffer);
  doc.registerFont('bold', fonts.bold as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fontOf = (name: 'body' | 'bold'): EmbeddedFont => {
    const font = (doc.font(name) as unknown as { _font: EmbeddedFont & { font: unknown } })._font;
    fonts[name] = font.font;
    return font;
  };
  const body = new TableWriter(fontOf('body'), SIZE);
  const bold = new TableWriter(fontOf('bold'), SIZE);
  const pageHeight = doc.page.height;
  const bottom = pageHeight - MARGIN - 14;
  const tableTop = MARGIN + 30;

  const layout = (cells: readonly string[], w: TableWriter, strike = false): LaidOutRow => {
    const lines = cells.map((c, i) => w.wrap(c, (WIDTHS[i] ?? 40) - 2 * PAD));
    return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * w.lineHeight + 2 * PAD, strike };
  };
  /**
   * The text of a row and the line under it (plus the strike of a voided entry), as content operators; the column
   * rules are drawn once a page. Text is written in PDF's bottom-up space, as pdfkit does, inside a save/restore.
   */
  const rowContent = (row: LaidOutRow, y: number, w: TableWriter): string => {
    const ascent = (w.font.ascender / 1000) * SIZE;
    const text: string[] = [`q 1 0 0 -1 0 ${num(pageHeight)} cm BT /${w.font.id} ${SIZE} Tf`];
    // Td moves relative to the start of the previous line.
    let px = 0;
    let py = 0;
    let x = MARGIN;
    row.lines.forEach((lines, i) => {
      lines.forEach((line, l) => {
        const tx = round(x + PAD);
        const ty = round(pageHeight - (y + PAD + l * w.lineHeight) - ascent);
        text.push(`${num(tx - px)} ${num(ty - py)} Td ${w.show(line)}`);
        px = tx;
        py = ty;
      });
      x += WIDTHS[i] ?? 40;
    });
    text.push('ET Q');
    const under = y + row.height;
    const strike = row.strike ? ` ${MARGIN} ${num(y + row.height / 2)} m ${num(x)} ${num(y + row.height / 2)} l` : '';
    return `${text.join('\n')}\n${MARGIN} ${num(under)} m ${num(x)} ${num(under)} l${strike} S`;
  };
  /** Free text from (x, top) down, wrapped within `width`. */
  const textAt = (w: TableWriter, text: string, x: number, top: number, width: number): string => {
    const ascent = (w.font.ascender / 1000) * w.size;
    const lines = w.wrap(text, width).map((line, l) => `1 0 0 1 ${num(x)} ${num(pageHeight - (top + l * w.lineHeight) - ascent)} Tm ${w.show(line)}`);
    return `q 1 0 0 -1 0 ${num(pageHeight)} cm BT /${w.font.id} ${w.size} Tf\n${lines.join('\n')}\nET Q`;
  };
  const tableRight = MARGIN + WIDTHS.reduce((a, b) => a + b, 0);
  /** The top rule and the column rules from the table's top to `bottomY`. */
  const rules = (bottomY: number): string => {
    const ops = [`${MARGIN} ${tableTop} m ${tableRight} ${tableTop} l`];
    let x = MARGIN;
    for (const w of [0, ...WIDTHS]) {
      x += w;
      ops.push(`${num(x)} ${tableTop} m ${num(x)} ${num(bottomY)} l`);
    }
    return `${ops.join(' ')} S`;
  };

  const headings = layout(CONTACT_LOG_HEADINGS, bold);
  const headingsContent = rowContent(headings, tableTop, bold);
  // An entry taller than a page (a 2,000-character description under a long void reason) continues on the next.
  const room = bottom - tableTop - headings.height;
  const linesPerPage = Math.max(1, Math.floor((room - 2 * PAD) / body.lineHeight));
  const pieces = (row: LaidOutRow): LaidOutRow[] => {
    if (row.height <= room) return [row];
    const most = Math.max(...row.lines.map((l) => l.length));
    return Array.from({ length: Math.ceil(most / linesPerPage) }, (_, k) => {
      const lines = row.lines.map((l) => l.slice(k * linesPerPage, (k + 1) * linesPerPage));
      return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * body.lineHeight + 2 * PAD, strike: row.strike };
    });
  };
  const rows = entries.flatMap((e) => pieces(layout(contactLogCells(e), body, e.voided)));
  // First pass: page breaks, so that every foot can say "n / N".
  const pages: LaidOutRow[][] = [[]];
  let y = tableTop + headings.height;
  for (const row of rows) {
    if (y + row.height > bottom && (pages.at(-1)?.length ?? 0) > 0) {
      pages.push([]);
      y = tableTop + headings.height;
    }
    pages.at(-1)?.push(row);
    y += row.height;
  }

  const printable = doc.page.width - 2 * MARGIN;
  const pageHead = [
    textAt(new TableWriter(bold.font, 12), 'FORGALMI NAPLÓ', MARGIN, MARGIN, printable),
    textAt(
      new TableWriter(body.font, 8),
      `Szolgáltatási hely: ${header.site} · Járás: ${header.district} · Időszak: ${header.period} · Nyomtatva: ${header.printedAt}`,
      MARGIN,
      MARGIN + 16,
      printable,
    ),
    '0.4 w',
    headingsContent,
  ].join('\n');
  const foot = new TableWriter(body.font, 7);
  pages.forEach((pageRows, n) => {
    if (n > 0) doc.addPage();
    const fonts = (doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    fonts[body.font.id] = body.font.ref();
    fonts[bold.font.id] = bold.font.ref();
    const content: string[] = [pageHead];
    let top = tableTop + headings.height;
    for (const row of pageRows) {
      content.push(rowContent(row, top, body));
      top += row.height;
    }
    content.push(rules(top));
    const folio = `${n + 1} / ${pages.length}. oldal`;
    content.push(textAt(foot, folio, MARGIN + printable - foot.width(folio), pageHeight - MARGIN - 8, printable));
    doc.addContent(Buffer.from(`${content.join('\n')}\n`, 'latin1'));
    if (entries.length === 0) doc.font('body').fontSize(SIZE + 1).text('Az időszakban nincs bejegyzés.', MARGIN, top + 6);
  });
  doc.end();
  return done;
}
