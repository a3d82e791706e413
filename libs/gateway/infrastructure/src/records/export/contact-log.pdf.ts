import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { ContactLogExportEntry } from '@kapocs/projector/contracts';
import { CONTACT_LOG_HEADINGS, contactLogCells } from './columns.js';
import { num, round, TableWriter, type EmbeddedFont } from './table-writer.js';

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
export function contactLogPdf(header: ContactLogPdfHeader, entries: readonly ContactLogExportEntry[]): Promise<Buffer> {
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

  // A column's texts repeat (dates, labels, names, the few distinct descriptions): each distinct one is wrapped once.
  const wrapped = WIDTHS.map(() => new Map<string, readonly string[]>());
  const wrapCell = (w: TableWriter, text: string, column: number): readonly string[] => {
    const width = (WIDTHS[column] ?? 40) - 2 * PAD;
    // One word that fits (a serial, an individual id): its own line, not worth a cache entry.
    if (text !== '' && !/[ \r\n]/.test(text) && w.width(text) <= width) return [text];
    const cache = w === body ? wrapped[column] : undefined;
    let lines = cache?.get(text);
    if (lines === undefined) {
      lines = w.wrap(text, width);
      cache?.set(text, lines);
    }
    return lines;
  };
  const layout = (cells: readonly string[], w: TableWriter, strike = false): LaidOutRow => {
    const lines = cells.map((c, i) => wrapCell(w, c, i));
    let most = 1;
    for (const l of lines) most = Math.max(most, l.length);
    return { lines, height: most * w.lineHeight + 2 * PAD, strike };
  };
  /**
   * The text of a row and the line under it (plus the strike of a voided entry), as content operators; the column
   * rules are drawn once a page. Text is written in PDF's bottom-up space, as pdfkit does, inside a save/restore.
   */
  const rowContent = (row: LaidOutRow, y: number, w: TableWriter): string => {
    const ascent = (w.font.ascender / 1000) * SIZE;
    // Appended, not joined: a year's ~90 MB of content is then copied once, into the page's buffer.
    let text = `q 1 0 0 -1 0 ${num(pageHeight)} cm BT /${w.font.id} ${SIZE} Tf`;
    // Td moves relative to the start of the previous line.
    let px = 0;
    let py = 0;
    let x = MARGIN;
    for (let i = 0; i < row.lines.length; i++) {
      const lines = row.lines[i] ?? [];
      const tx = round(x + PAD);
      for (let l = 0; l < lines.length; l++) {
        const ty = round(pageHeight - (y + PAD + l * w.lineHeight) - ascent);
        text += `\n${num(tx - px)} ${num(ty - py)} Td ${w.show(lines[l] ?? '')}`;
        px = tx;
        py = ty;
      }
      x += WIDTHS[i] ?? 40;
    }
    const under = y + row.height;
    const strike = row.strike ? ` ${MARGIN} ${num(y + row.height / 2)} m ${num(x)} ${num(y + row.height / 2)} l` : '';
    return `${text}\nET Q\n${MARGIN} ${num(under)} m ${num(x)} ${num(under)} l${strike} S`;
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
  const pageContent = (n: number): Buffer => {
    let content = pageHead;
    let top = tableTop + headings.height;
    for (const row of pages[n] ?? []) {
      content += `\n${rowContent(row, top, body)}`;
      top += row.height;
    }
    const folio = `${n + 1} / ${pages.length}. oldal`;
    content += `\n${rules(top)}\n${textAt(foot, folio, MARGIN + printable - foot.width(folio), pageHeight - MARGIN - 8, printable)}\n`;
    return Buffer.from(content, 'latin1');
  };
  const startPage = (n: number): void => {
    if (n > 0) doc.addPage();
    const fonts = (doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    fonts[body.font.id] = body.font.ref();
    fonts[bold.font.id] = bold.font.ref();
  };
  if (entries.length === 0) {
    startPage(0);
    doc.addContent(pageContent(0));
    doc.font('body').fontSize(SIZE + 1).text('Az időszakban nincs bejegyzés.', MARGIN, tableTop + headings.height + 6);
  } else {
    writePages(doc, pages.length, startPage, pageContent);
  }
  doc.end();
  return done;
}

/** pdfkit's stream object (PDFReference), not in @types/pdfkit: `write` collects the chunks, `end` deflates them. */
interface StreamRef {
  buffer: Uint8Array[];
  compress: boolean;
  readonly data: { Length?: number; Filter?: string };
}

/**
 * zlib level of the page streams. pdfkit deflates at 6: for a year of a big site (~90 MB of page content) that took
 * 1.25 s of CPU; level 3 takes 0.55 s for a file ~17 % larger (13.9 MB of streams instead of 11.6 MB).
 */
const PAGE_DEFLATE_LEVEL = 3;

/**
 * Writes `count` pages, deflating each page's content stream at PAGE_DEFLATE_LEVEL (after pdfkit's own start of the
 * page, as pdfkit would). A page whose stream is not as expected (another pdfkit) is left to pdfkit to deflate.
 */
function writePages(doc: PDFKit.PDFDocument, count: number, startPage: (n: number) => void, pageContent: (n: number) => Buffer): void {
  for (let n = 0; n < count; n++) {
    startPage(n);
    const stream = (doc.page as unknown as { content: StreamRef }).content;
    const content = pageContent(n);
    if (stream.compress && Array.isArray(stream.buffer)) {
      const z = deflateSync(Buffer.concat([...stream.buffer, content]), { level: PAGE_DEFLATE_LEVEL });
      stream.buffer = [z];
      stream.compress = false;
      stream.data.Length = z.length;
      stream.data.Filter = 'FlateDecode';
    } else {
      doc.addContent(content);
    }
  }
}
