// Layout and page content of the forgalmi napló PDF: the work a render thread does (see contact-log.pdf.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { FontkitFont } from 'fontkit';
import { CONTACT_LOG_EXPORT_FIELDS, type ContactLogExportEntry } from '@kapocs/projector/contracts';
import { CidFont, parseFont, type GlyphUse } from './cid-font.js';
import { contactLogCells } from './columns.js';
import { num, round, TableWriter } from './table-writer.js';

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_HEIGHT = 595.28;
/** Column widths in points, summing to the printable width of A4 landscape with 28 pt margins. */
export const WIDTHS = [50, 32, 52, 120, 18, 20, 60, 80, 150, 52, 34, 58, 58];
export const MARGIN = 28;
export const SIZE = 7;
export const PAD = 2;
export const TABLE_TOP = MARGIN + 30;
export const BOTTOM = PAGE_HEIGHT - MARGIN - 14;
export const TABLE_RIGHT = MARGIN + WIDTHS.reduce((a, b) => a + b, 0);
export const FONT_IDS = { body: 'F1', bold: 'F2' } as const;
/**
 * zlib level of the page streams: a year of a big site is ~45 MB of page content; level 3 deflates it in about half
 * the CPU of level 6 for a file ~17 % larger.
 */
export const PAGE_DEFLATE_LEVEL = 3;

// A TTF with ő and ű: the PDF standard fonts (WinAnsi) have neither. Shipped as an npm package so CI needs no OS font.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let parsedFonts: { readonly body: FontkitFont; readonly bold: FontkitFont } | undefined;

/** The two fonts, read and parsed once per thread. */
export function naploFonts(): { readonly body: FontkitFont; readonly bold: FontkitFont } {
  parsedFonts ??= {
    body: parseFont(readFileSync(join(fontDir, 'DejaVuSansCondensed.ttf'))),
    bold: parseFont(readFileSync(join(fontDir, 'DejaVuSansCondensed-Bold.ttf'))),
  };
  return parsedFonts;
}

/** A row of the table: each cell's lines, its height, whether it is struck through (a voided entry). */
export interface LaidOutRow {
  readonly lines: readonly (readonly string[])[];
  readonly height: number;
  readonly strike: boolean;
}

/**
 * The writers of one document in one thread: fonts that record the glyphs they wrote, and wrapping caches (a
 * column's texts repeat all the time — dates, labels, names — so each distinct one is wrapped once).
 */
export class NaploWriters {
  readonly bodyFont: CidFont;
  readonly boldFont: CidFont;
  readonly body: TableWriter;
  readonly bold: TableWriter;
  /** The folio's writer. */
  readonly foot: TableWriter;
  private readonly wrapped = WIDTHS.map(() => new Map<string, readonly string[]>());

  constructor() {
    const fonts = naploFonts();
    this.bodyFont = new CidFont(FONT_IDS.body, fonts.body);
    this.boldFont = new CidFont(FONT_IDS.bold, fonts.bold);
    this.body = new TableWriter(this.bodyFont, SIZE);
    this.bold = new TableWriter(this.boldFont, SIZE);
    this.foot = new TableWriter(this.bodyFont, 7);
  }

  private wrapCell(w: TableWriter, text: string, column: number): readonly string[] {
    const width = (WIDTHS[column] ?? 40) - 2 * PAD;
    // One word that fits (a serial, an individual id): its own line, not worth a cache entry.
    if (text !== '' && !/[ \r\n]/.test(text) && w.width(text) <= width) return [text];
    const cache = w === this.body ? this.wrapped[column] : undefined;
    let lines = cache?.get(text);
    if (lines === undefined) {
      lines = w.wrap(text, width);
      cache?.set(text, lines);
    }
    return lines;
  }

  layout(cells: readonly string[], w: TableWriter, strike = false): LaidOutRow {
    const lines = cells.map((c, i) => this.wrapCell(w, c, i));
    let most = 1;
    for (const l of lines) most = Math.max(most, l.length);
    return { lines, height: most * w.lineHeight + 2 * PAD, strike };
  }

  /** The rows an entry takes: one, or several when it is taller than a page's `room` (it continues on the next). */
  pieces(row: LaidOutRow, room: number): LaidOutRow[] {
    if (row.height <= room) return [row];
    const linesPerPage = Math.max(1, Math.floor((room - 2 * PAD) / this.body.lineHeight));
    const most = Math.max(...row.lines.map((l) => l.length));
    return Array.from({ length: Math.ceil(most / linesPerPage) }, (_, k) => {
      const lines = row.lines.map((l) => l.slice(k * linesPerPage, (k + 1) * linesPerPage));
      return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * this.body.lineHeight + 2 * PAD, strike: row.strike };
    });
  }

  /** The glyphs both fonts wrote so far. */
  glyphs(): { readonly body: GlyphUse[]; readonly bold: GlyphUse[] } {
    return { body: [...this.bodyFont.used.values()], bold: [...this.boldFont.used.values()] };
  }
}

/**
 * The text of a row and the line under it (plus the strike of a voided entry), as content operators; the column
 * rules are drawn once a page. Text is written in PDF's bottom-up space inside a save/restore, so that a row's
 * operators stand on their own (a page's content may be several streams, one per render thread).
 */
export function rowContent(row: LaidOutRow, y: number, w: TableWriter): string {
  const ascent = (w.font.ascender / 1000) * SIZE;
  // Appended, not joined: a year's content is then copied once, into the page's buffer.
  let text = `q 1 0 0 -1 0 ${num(PAGE_HEIGHT)} cm BT /${w.font.id} ${SIZE} Tf`;
  // Td moves relative to the start of the previous line.
  let px = 0;
  let py = 0;
  let x = MARGIN;
  for (let i = 0; i < row.lines.length; i++) {
    const lines = row.lines[i] ?? [];
    const tx = round(x + PAD);
    for (let l = 0; l < lines.length; l++) {
      const ty = round(PAGE_HEIGHT - (y + PAD + l * w.lineHeight) - ascent);
      text += `\n${num(tx - px)} ${num(ty - py)} Td ${w.show(lines[l] ?? '')}`;
      px = tx;
      py = ty;
    }
    x += WIDTHS[i] ?? 40;
  }
  const under = y + row.height;
  const strike = row.strike ? ` ${MARGIN} ${num(y + row.height / 2)} m ${num(x)} ${num(y + row.height / 2)} l` : '';
  return `${text}\nET Q\n${MARGIN} ${num(under)} m ${num(x)} ${num(under)} l${strike} S`;
}

/** Free text from (x, top) down, wrapped within `width`. */
export function textAt(w: TableWriter, text: string, x: number, top: number, width: number): string {
  const ascent = (w.font.ascender / 1000) * w.size;
  const lines = w.wrap(text, width).map((line, l) => `1 0 0 1 ${num(x)} ${num(PAGE_HEIGHT - (top + l * w.lineHeight) - ascent)} Tm ${w.show(line)}`);
  return `q 1 0 0 -1 0 ${num(PAGE_HEIGHT)} cm BT /${w.font.id} ${w.size} Tf\n${lines.join('\n')}\nET Q`;
}

/** The top rule and the column rules from the table's top to `bottomY`. */
export function rules(bottomY: number): string {
  const ops = [`${MARGIN} ${TABLE_TOP} m ${TABLE_RIGHT} ${TABLE_TOP} l`];
  let x = MARGIN;
  for (const w of [0, ...WIDTHS]) {
    x += w;
    ops.push(`${num(x)} ${TABLE_TOP} m ${num(x)} ${num(bottomY)} l`);
  }
  return `${ops.join(' ')} S`;
}

/** The end of a page: the column rules down to the last row's `bottom`, and "n / N. oldal" at the foot. */
export function pageFoot(writers: NaploWriters, page: number, pageCount: number, bottom: number): string {
  const printable = PAGE_WIDTH - 2 * MARGIN;
  const folio = `${page + 1} / ${pageCount}. oldal`;
  const foot = writers.foot;
  return `${rules(bottom)}\n${textAt(foot, folio, MARGIN + printable - foot.width(folio), PAGE_HEIGHT - MARGIN - 8, printable)}\n`;
}

/** An export row (the values in CONTACT_LOG_EXPORT_FIELDS order) as an entry. */
export function exportEntryOf(values: readonly unknown[]): ContactLogExportEntry {
  const entry: Record<string, unknown> = {};
  for (let i = 0; i < CONTACT_LOG_EXPORT_FIELDS.length; i++) entry[CONTACT_LOG_EXPORT_FIELDS[i] as string] = values[i];
  return entry as unknown as ContactLogExportEntry;
}

/** A request to a render thread; `job` tells concurrent exports apart, `chunk` is the export page's index. */
export type NaploRenderRequest =
  | { readonly kind: 'layout'; readonly job: number; readonly chunk: number; readonly rows: string; readonly room: number }
  | {
      readonly kind: 'render';
      readonly job: number;
      readonly chunk: number;
      /** Per row piece of the chunk, in order: its page and the y of its top. */
      readonly pages: Int32Array;
      readonly tops: Float64Array;
    }
  | {
      /** The feet of `pages` (column rules down to each page's last row, at `bottoms`, and "n / N. oldal"). */
      readonly kind: 'feet';
      readonly job: number;
      readonly pages: Int32Array;
      readonly bottoms: Float64Array;
      readonly pageCount: number;
    }
  | { readonly kind: 'end'; readonly job: number }
  /** Loads the thread's code and fonts before the first export needs them. */
  | { readonly kind: 'warm' };

export interface NaploLayoutReply {
  /** The height of each row piece of the chunk, in order. */
  readonly heights: Float64Array;
  /** The data subjects of the chunk's entries (for the audit). */
  readonly clientIds: readonly string[];
}

export interface NaploRenderReply {
  /** One deflated content stream per page the chunk has rows on (or per page asked for its foot), in page order. */
  readonly fragments: readonly { readonly page: number; readonly data: Uint8Array }[];
  readonly glyphs: { readonly body: GlyphUse[]; readonly bold: GlyphUse[] };
}

/** `data` in an ArrayBuffer of its own, so that it can be transferred (a small Buffer may be a slice of a shared pool). */
function ownBuffer(data: Buffer): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data);
}

interface Job {
  readonly writers: NaploWriters;
  readonly chunks: Map<number, LaidOutRow[]>;
}

/**
 * What a render thread does for the napló export, one instance per thread, jobs kept apart: lays out the entries of a
 * page of export rows (wrapping every cell: the heights go back, the lines stay here), then, once the main thread has
 * broken the rows into pages, writes and deflates the content of its rows on each page.
 */
export class NaploRenderEngine {
  private readonly jobs = new Map<number, Job>();

  handle(request: NaploRenderRequest): { value: NaploLayoutReply | NaploRenderReply | null; transfer: ArrayBuffer[] } {
    switch (request.kind) {
      case 'layout': {
        const value = this.layout(request.job, request.chunk, request.rows, request.room);
        return { value, transfer: [value.heights.buffer as ArrayBuffer] };
      }
      case 'render': {
        const value = this.render(request);
        return { value, transfer: value.fragments.map((f) => f.data.buffer as ArrayBuffer) };
      }
      case 'feet': {
        const value = this.feet(request);
        return { value, transfer: value.fragments.map((f) => f.data.buffer as ArrayBuffer) };
      }
      case 'end':
        this.jobs.delete(request.job);
        return { value: null, transfer: [] };
      case 'warm':
        naploFonts();
        return { value: null, transfer: [] };
    }
  }

  private job(id: number): Job {
    let job = this.jobs.get(id);
    if (!job) {
      job = { writers: new NaploWriters(), chunks: new Map() };
      this.jobs.set(id, job);
    }
    return job;
  }

  layout(jobId: number, chunk: number, rowsJson: string, room: number): NaploLayoutReply {
    const job = this.job(jobId);
    const w = job.writers;
    const rows: LaidOutRow[] = [];
    const clientIds: string[] = [];
    for (const values of JSON.parse(rowsJson) as unknown[][]) {
      const entry = exportEntryOf(values);
      if (entry.clientId) clientIds.push(entry.clientId);
      for (const piece of w.pieces(w.layout(contactLogCells(entry), w.body, entry.voided), room)) rows.push(piece);
    }
    job.chunks.set(chunk, rows);
    return { heights: Float64Array.from(rows, (r) => r.height), clientIds };
  }

  render(request: Extract<NaploRenderRequest, { kind: 'render' }>): NaploRenderReply {
    const { chunk, pages, tops } = request;
    const job = this.job(request.job);
    const rows = job.chunks.get(chunk) ?? [];
    job.chunks.delete(chunk);
    if (rows.length !== pages.length) throw new Error(`chunk ${chunk}: ${pages.length} placements for ${rows.length} rows`);
    const fragments: { page: number; data: Uint8Array }[] = [];
    let i = 0;
    while (i < rows.length) {
      const page = pages[i] ?? 0;
      let content = '';
      for (; i < rows.length && pages[i] === page; i++) content += `${rowContent(rows[i] as LaidOutRow, tops[i] ?? 0, job.writers.body)}\n`;
      fragments.push({ page, data: ownBuffer(deflateSync(Buffer.from(content, 'latin1'), { level: PAGE_DEFLATE_LEVEL })) });
    }
    return { fragments, glyphs: job.writers.glyphs() };
  }

  feet(request: Extract<NaploRenderRequest, { kind: 'feet' }>): NaploRenderReply {
    const writers = this.job(request.job).writers;
    const fragments = Array.from(request.pages, (page, i) => ({
      page,
      data: ownBuffer(deflateSync(Buffer.from(pageFoot(writers, page, request.pageCount, request.bottoms[i] ?? 0), 'latin1'), { level: PAGE_DEFLATE_LEVEL })),
    }));
    return { fragments, glyphs: writers.glyphs() };
  }
}
