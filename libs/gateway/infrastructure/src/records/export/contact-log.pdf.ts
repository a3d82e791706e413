import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ContactLogRow } from '@kapocs/projector/contracts';
import { CONTACT_LOG_HEADINGS, contactLogCells } from './columns.js';

// A TTF with ő and ű: the PDF standard fonts (WinAnsi) have neither. Shipped as an npm package so CI needs no OS font.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSansCondensed.ttf');
const FONT_BOLD = join(fontDir, 'DejaVuSansCondensed-Bold.ttf');

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

/**
 * The forgalmi napló as a PDF laid out like the legal form (1/2000. SzCsM r. 7. melléklet): A4 landscape, the legal
 * column headings repeated on every page, the site and period in the header, "n / N. oldal" at the foot. Voided
 * entries keep their line and number and say so.
 */
export function contactLogPdf(header: ContactLogPdfHeader, entries: readonly ContactLogRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: `Forgalmi napló ${header.period}` } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const bottom = doc.page.height - MARGIN - 14;

  const rowHeight = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(SIZE);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (WIDTHS[i] ?? 40) - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: readonly string[], y: number, h: number, font: string, strike = false): void => {
    let x = MARGIN;
    doc.font(font).fontSize(SIZE).lineWidth(0.4);
    cells.forEach((c, i) => {
      const w = WIDTHS[i] ?? 40;
      doc.rect(x, y, w, h).stroke();
      doc.text(c, x + PAD, y + PAD, { width: w - 2 * PAD, lineBreak: true });
      x += w;
    });
    if (strike) doc.moveTo(MARGIN, y + h / 2).lineTo(x, y + h / 2).stroke();
  };
  const pageHeader = (): number => {
    doc.font('bold').fontSize(12).text('FORGALMI NAPLÓ', MARGIN, MARGIN);
    doc.font('body').fontSize(8).text(
      `Szolgáltatási hely: ${header.site} · Járás: ${header.district} · Időszak: ${header.period} · Nyomtatva: ${header.printedAt}`,
      MARGIN,
      MARGIN + 16,
    );
    const y = MARGIN + 30;
    const h = rowHeight(CONTACT_LOG_HEADINGS, 'bold');
    drawRow(CONTACT_LOG_HEADINGS, y, h, 'bold');
    return y + h;
  };

  let y = pageHeader();
  for (const entry of entries) {
    const cells = contactLogCells(entry);
    const h = rowHeight(cells, 'body');
    if (y + h > bottom) {
      doc.addPage();
      y = pageHeader();
    }
    drawRow(cells, y, h, 'body', entry.voided);
    y += h;
  }
  if (entries.length === 0) doc.font('body').fontSize(SIZE + 1).text('Az időszakban nincs bejegyzés.', MARGIN, y + 6);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The foot line sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(7).text(`${i + 1} / ${range.count}. oldal`, MARGIN, doc.page.height - MARGIN - 8, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
