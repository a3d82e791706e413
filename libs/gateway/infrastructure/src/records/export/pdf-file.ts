// A minimal PDF 1.7 file writer: numbered objects, streams, the cross-reference table and the trailer.
import { deflateSync } from 'node:zlib';

/** A PDF object number; written as `n 0 R`. */
export type PdfRef = number;

export const ref = (n: PdfRef): string => `${n} 0 R`;

/**
 * Collects the objects of one PDF file and writes them in order with the cross-reference table. Objects may be
 * reserved first and defined later (a page refers to its parent before the page tree exists). Used where pdfkit's
 * one-document-at-a-time model is in the way: the napló export's pages are rendered in worker threads and arrive as
 * ready, compressed content streams.
 */
export class PdfFile {
  private readonly objects: (Buffer | undefined)[] = [];

  reserve(): PdfRef {
    this.objects.push(undefined);
    return this.objects.length;
  }

  /** Defines object `n` as a dictionary (or any other direct object) written as is. */
  set(n: PdfRef, body: string): PdfRef {
    this.objects[n - 1] = Buffer.from(`${n} 0 obj\n${body}\nendobj\n`, 'latin1');
    return n;
  }

  add(body: string): PdfRef {
    return this.set(this.reserve(), body);
  }

  /** A stream object; `data` is written as given, `filter` says how it was encoded (`FlateDecode` or none). */
  setStream(n: PdfRef, data: Uint8Array, extra = '', filter?: 'FlateDecode'): PdfRef {
    const dict = `<< /Length ${data.length}${filter ? ` /Filter /${filter}` : ''}${extra ? ` ${extra}` : ''} >>`;
    this.objects[n - 1] = Buffer.concat([
      Buffer.from(`${n} 0 obj\n${dict}\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    return n;
  }

  /** A stream object, deflated here. */
  addStream(data: Uint8Array | string, extra = '', level = 6): PdfRef {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    return this.setStream(this.reserve(), deflateSync(bytes, { level }), extra, 'FlateDecode');
  }

  /** An already deflated stream. */
  addDeflated(data: Uint8Array, extra = ''): PdfRef {
    return this.setStream(this.reserve(), data, extra, 'FlateDecode');
  }

  /** The file: header, objects, cross-reference table, trailer. Every reserved object must be defined by now. */
  finish(root: PdfRef, info: PdfRef): Buffer {
    // The binary comment tells transfer tools the file is not text.
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xff\xff\xff\xff\n', 'latin1')];
    let offset = parts[0]?.length ?? 0;
    const offsets: number[] = [];
    this.objects.forEach((object, i) => {
      if (!object) throw new Error(`PDF object ${i + 1} was reserved but never written`);
      offsets.push(offset);
      parts.push(object);
      offset += object.length;
    });
    const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`];
    for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n \n`);
    xref.push(`trailer\n<< /Size ${offsets.length + 1} /Root ${ref(root)} /Info ${ref(info)} >>\nstartxref\n${offset}\n%%EOF\n`);
    parts.push(Buffer.from(xref.join(''), 'latin1'));
    return Buffer.concat(parts);
  }
}

/** A text string for the document information dictionary: UTF-16BE with BOM, as hex (safe for any character). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}
