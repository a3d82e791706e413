import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { embedCidFont, type GlyphUse } from './cid-font.js';
import { CONTACT_LOG_HEADINGS } from './columns.js';
import {
  BOTTOM,
  MARGIN,
  NaploRenderEngine,
  NaploWriters,
  PAGE_DEFLATE_LEVEL,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  naploFonts,
  pageFoot,
  rowContent,
  TABLE_TOP,
  textAt,
  type NaploLayoutReply,
  type NaploRenderReply,
  type NaploRenderRequest,
} from './contact-log-layout.js';
import { PdfFile, pdfTextString, ref, type PdfRef } from './pdf-file.js';
import { TableWriter } from './table-writer.js';

export interface ContactLogPdfHeader {
  /** E.g. "Szécsény (03179)". */
  readonly site: string;
  readonly district: string;
  /** E.g. "2026-03" or "2026". */
  readonly period: string;
  readonly printedAt: string;
}

/** Where a render request runs: a worker thread, or this thread (tests running TypeScript sources). */
interface RenderThread {
  call<T>(request: NaploRenderRequest, transfer?: ArrayBuffer[]): Promise<T>;
}

class InlineThread implements RenderThread {
  private readonly engine = new NaploRenderEngine();

  async call<T>(request: NaploRenderRequest): Promise<T> {
    return this.engine.handle(request).value as T;
  }
}

/** A worker thread, started on first use and again after it died; its requests are answered in order. */
class WorkerThread implements RenderThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(private readonly file: URL) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) waiting?.resolve(m.value);
      else waiting?.reject(new Error(m.error ?? 'napló render thread failed'));
    });
    const fail = (e: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`napló render thread exited (${code})`)));
    // Render threads never keep the process alive (whoever waits for a reply does). After the listeners: adding them
    // to an unreferenced worker referenced it again, and a process with an idle render thread did not exit.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  call<T>(request: NaploRenderRequest, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.start();
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request }, transfer);
    });
  }
}

const WORKER_FILE = new URL('./contact-log-pdf.worker.js', import.meta.url);

/**
 * Render threads of this process: `KAPOCS_PDF_THREADS` (default: up to two, one per core); 0, or sources run without
 * a build (no compiled worker next to this module, as under the test runner), render in the calling thread.
 */
function renderThreads(): RenderThread[] {
  const configured = process.env['KAPOCS_PDF_THREADS'];
  const count = configured !== undefined && configured !== '' ? Number(configured) : Math.min(2, availableParallelism());
  if (!Number.isInteger(count) || count < 0) throw new Error(`KAPOCS_PDF_THREADS must be a whole number ≥ 0, got "${configured}"`);
  if (count === 0 || !existsSync(fileURLToPath(WORKER_FILE))) return [new InlineThread()];
  return Array.from({ length: count }, () => new WorkerThread(WORKER_FILE));
}

let sharedThreads: RenderThread[] | undefined;
let jobs = 0;

/**
 * Starts the render threads and has them load their code and fonts (~0.1–0.2 s each), so that the first export after
 * a start does not wait for that. Nothing happens where exports render in the calling thread.
 */
export function warmContactLogPdf(): void {
  sharedThreads ??= renderThreads();
  for (const thread of sharedThreads) if (thread instanceof WorkerThread) thread.call({ kind: 'warm' }).catch(() => undefined);
}

/**
 * The forgalmi napló as a PDF laid out like the legal form (1/2000. SzCsM r. 7. melléklet): A4 landscape, the legal
 * column headings repeated on every page, the site and period in the header, "n / N. oldal" at the foot. Voided
 * entries keep their line and number and say so; an entry taller than a page continues on the next.
 *
 * Built for a year of the busiest site (60,000 entries, ~4,800 pages) as the export pages arrive: each page of export
 * rows goes to a render thread at once, which wraps its cells while the next page is read; as soon as the chunks
 * before it are placed, this thread breaks its rows into pages (heights only) and the same render thread writes and
 * deflates its rows' part of every page; the feet ("n / N") come last, when N is known. The file is put together
 * from those parts — a page's content is the shared page head, one part per chunk with rows on it, and its foot
 * (ADR-0013). Glyphs are written as the fonts' own glyph ids, so no thread needs to
 * know what the others wrote; the font subsets are made at the end from the glyphs all of them used.
 */
export class ContactLogPdf {
  private readonly threads = (sharedThreads ??= renderThreads());
  private readonly id = ++jobs;
  private readonly writers = new NaploWriters();
  private readonly headings = this.writers.layout(CONTACT_LOG_HEADINGS, this.writers.bold);
  private readonly room = BOTTOM - TABLE_TOP - this.headings.height;
  private readonly first = TABLE_TOP + this.headings.height;
  private chunks = 0;
  /** Placing a chunk's rows waits for the chunks before it (page breaks are sequential). */
  private placed: Promise<void> = Promise.resolve();
  private readonly renders: Promise<NaploRenderReply>[] = [];
  private readonly clientIds: (readonly string[])[] = [];
  /** Page breaks so far: the bottom of each finished page's last row, and where the current page stands. */
  private readonly bottoms: number[] = [];
  private page = 0;
  private y: number = this.first;
  private onPage = 0;
  private rows = 0;

  constructor(private readonly header: ContactLogPdfHeader) {}

  private thread(chunk: number): RenderThread {
    return this.threads[chunk % this.threads.length] as RenderThread;
  }

  /**
   * A page of export rows (JSON: an array of arrays of values in CONTACT_LOG_EXPORT_FIELDS order), in serial order.
   * Its render thread lays it out at once; as soon as the chunks before it are placed, its rows are broken into pages
   * and the same thread writes them, while later pages are still being read.
   */
  add(rows: string): void {
    const chunk = this.chunks++;
    const thread = this.thread(chunk);
    const layout = thread.call<NaploLayoutReply>({ kind: 'layout', job: this.id, chunk, rows, room: this.room });
    const placement = this.placed.then(async () => this.place(chunk, await layout));
    this.placed = placement.then(() => undefined);
    const render = placement.then(({ pages, tops }) =>
      thread.call<NaploRenderReply>({ kind: 'render', job: this.id, chunk, pages, tops }, [pages.buffer as ArrayBuffer, tops.buffer as ArrayBuffer]),
    );
    // Awaited in finish(); a failure must not count as unhandled before then.
    render.catch(() => undefined);
    this.placed.catch(() => undefined);
    this.renders.push(render);
  }

  /** Page breaks, from the heights alone: a row that does not fit starts a new page (unless the page is empty). */
  private place(chunk: number, layout: NaploLayoutReply): { pages: Int32Array; tops: Float64Array } {
    this.clientIds[chunk] = layout.clientIds;
    this.rows += layout.heights.length;
    const pages = new Int32Array(layout.heights.length);
    const tops = new Float64Array(layout.heights.length);
    layout.heights.forEach((h, i) => {
      if (this.y + h > BOTTOM && this.onPage > 0) {
        this.bottoms[this.page++] = this.y;
        this.y = this.first;
        this.onPage = 0;
      }
      pages[i] = this.page;
      tops[i] = this.y;
      this.y += h;
      this.onPage++;
    });
    return { pages, tops };
  }

  /** Drops what the render threads hold of this document (the export failed before `finish`). */
  abort(): void {
    this.end();
  }

  private end(): void {
    for (const thread of new Set(this.threads)) thread.call({ kind: 'end', job: this.id }).catch(() => undefined);
  }

  /** The file, and the data subjects of its entries (for the audit). */
  async finish(): Promise<{ readonly pdf: Buffer; readonly clientIds: readonly string[] }> {
    try {
      const renders = await Promise.all(this.renders);
      await this.placed;
      this.bottoms[this.page] = this.y;
      const pageCount = this.page + 1;
      const empty = this.rows === 0;
      // The feet need the page count: written last, the pages shared out among the threads.
      const feet = empty
        ? []
        : await Promise.all(
            this.threads.map((thread, t) => {
              const pages = Int32Array.from({ length: Math.ceil((pageCount - t) / this.threads.length) }, (_, k) => t + k * this.threads.length);
              const bottoms = Float64Array.from(pages, (p) => this.bottoms[p] ?? this.first);
              return thread.call<NaploRenderReply>({ kind: 'feet', job: this.id, pages, bottoms, pageCount }, [
                pages.buffer as ArrayBuffer,
                bottoms.buffer as ArrayBuffer,
              ]);
            }),
          );
      const pdf = this.assemble(this.bottoms, [...renders, ...feet], empty);
      return { pdf, clientIds: this.clientIds.flat() };
    } finally {
      this.end();
    }
  }

  private assemble(bottoms: readonly number[], renders: readonly NaploRenderReply[], empty: boolean): Buffer {
    const { body, bold } = this.writers;
    const printable = PAGE_WIDTH - 2 * MARGIN;
    const h = this.header;
    const head = [
      // Top-down coordinates for the whole page, as pdfkit sets them: the rules and rows below give y from the top.
      `1 0 0 -1 0 ${PAGE_HEIGHT} cm`,
      textAt(new TableWriter(bold.font, 12), 'FORGALMI NAPLÓ', MARGIN, MARGIN, printable),
      textAt(
        new TableWriter(body.font, 8),
        `Szolgáltatási hely: ${h.site} · Járás: ${h.district} · Időszak: ${h.period} · Nyomtatva: ${h.printedAt}`,
        MARGIN,
        MARGIN + 16,
        printable,
      ),
      '0.4 w',
      rowContent(this.headings, TABLE_TOP, bold),
      '',
    ].join('\n');
    // Pages with rows got their feet from the render threads; only an empty period's one page is finished here.
    const emptyPage = empty
      ? `${textAt(new TableWriter(body.font, SIZE_NOTE), 'Az időszakban nincs bejegyzés.', MARGIN, TABLE_TOP + this.headings.height + 6, printable)}\n${pageFoot(
          this.writers,
          0,
          1,
          bottoms[0] ?? TABLE_TOP,
        )}`
      : undefined;
    const file = new PdfFile();
    const catalog = file.reserve();
    const pageTree = file.reserve();
    const bodyFont = file.reserve();
    const boldFont = file.reserve();
    const resources = file.add(`<< /Font << /${body.font.id} ${ref(bodyFont)} /${bold.font.id} ${ref(boldFont)} >> /ProcSet [/PDF /Text] >>`);
    const headStream = file.addStream(head, '', PAGE_DEFLATE_LEVEL);
    const parts: PdfRef[][] = bottoms.map(() => []);
    for (const render of renders) for (const f of render.fragments) parts[f.page]?.push(file.addDeflated(f.data));
    const kids = bottoms.map((_, n) => {
      const contents = [headStream, ...(parts[n] ?? []), ...(emptyPage ? [file.addStream(emptyPage, '', PAGE_DEFLATE_LEVEL)] : [])];
      return file.add(
        `<< /Type /Page /Parent ${ref(pageTree)} /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources ${ref(resources)} /Contents [${contents
          .map(ref)
          .join(' ')}] >>`,
      );
    });
    file.set(pageTree, `<< /Type /Pages /Kids [${kids.map(ref).join(' ')}] /Count ${kids.length} >>`);
    file.set(catalog, `<< /Type /Catalog /Pages ${ref(pageTree)} >>`);

    const used = (main: Iterable<GlyphUse>, ...threads: (readonly GlyphUse[])[]): Map<number, GlyphUse> => {
      const all = new Map<number, GlyphUse>();
      for (const g of main) all.set(g.gid, g);
      for (const list of threads) for (const g of list) if (!all.has(g.gid)) all.set(g.gid, g);
      return all;
    };
    const fonts = naploFonts();
    embedCidFont(file, bodyFont, fonts.body, used(this.writers.bodyFont.used.values(), ...renders.map((r) => r.glyphs.body)), 'KPCSAA');
    embedCidFont(file, boldFont, fonts.bold, used(this.writers.boldFont.used.values(), ...renders.map((r) => r.glyphs.bold)), 'KPCSAB');
    const created = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const info = file.add(`<< /Title ${pdfTextString(`Forgalmi napló ${h.period}`)} /Producer (Kapocs) /CreationDate (D:${created}Z) >>`);
    return file.finish(catalog, info);
  }
}

/** The size of the "no entries" note of an empty period. */
const SIZE_NOTE = 8;
