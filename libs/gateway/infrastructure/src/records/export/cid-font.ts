// A TrueType font written as a CID-keyed font whose CIDs are the font's own glyph ids (see CidFont).
import { create, type FontkitFont } from 'fontkit';
import type { EmbeddedFont } from './table-writer.js';
import { type PdfFile, type PdfRef, ref } from './pdf-file.js';

/** What the PDF needs of a glyph a document used: its advance (1/1000 em) and the text it stands for. */
export interface GlyphUse {
  readonly gid: number;
  readonly width: number;
  readonly codePoints: readonly number[];
}

/** Parses a TTF once; the parsed font caches glyph data only, never text, so it is shared by every document. */
export function parseFont(bytes: Uint8Array): FontkitFont {
  return create(bytes);
}

/** One byte of a literal string: the delimiters, the backslash and line ends escaped, anything else as is. */
const LITERAL_BYTE = Array.from({ length: 256 }, (_, b) => {
  switch (b) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(b);
  }
});

/** A glyph id as the two bytes of an Identity-H code inside a literal string (half the size of hex). */
export const glyphCode = (gid: number): string => `${LITERAL_BYTE[(gid >> 8) & 0xff] ?? ''}${LITERAL_BYTE[gid & 0xff] ?? ''}`;

interface ScaledRun {
  readonly codes: readonly string[];
  readonly positions: readonly { readonly xAdvance: number; readonly advanceWidth: number }[];
  readonly advance: number;
}

/**
 * The napló PDF's font: text is shaped by fontkit exactly as pdfkit shapes it (word by word, each word with the
 * space after it; positions in 1/1000 em), but each glyph is written as its *own* glyph id, not as its number in a
 * subset that grows as text is encoded. So any thread can write any page without knowing what the others wrote, and
 * the subset is made once at the end from the glyphs every page used (`embedCidFont`, with a CIDToGIDMap). One per
 * document and thread: it records the glyphs it wrote (`used`).
 */
export class CidFont implements EmbeddedFont {
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  private readonly gap: number;
  private readonly runs = new Map<string, ScaledRun>();
  readonly used = new Map<number, GlyphUse>();

  constructor(
    readonly id: string,
    readonly font: FontkitFont,
  ) {
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
    this.descender = font.descent * this.scale;
    this.gap = font.lineGap * this.scale;
  }

  lineHeight(size: number, includeGap = false): number {
    return ((this.ascender + (includeGap ? this.gap : 0) - this.descender) / 1000) * size;
  }

  private run(word: string): ScaledRun {
    let run = this.runs.get(word);
    if (run === undefined) {
      const { glyphs, positions } = this.font.layout(word);
      const codes: string[] = [];
      const scaled: { xAdvance: number; advanceWidth: number }[] = [];
      let advance = 0;
      glyphs.forEach((glyph, i) => {
        const width = glyph.advanceWidth * this.scale;
        const xAdvance = (positions[i]?.xAdvance ?? glyph.advanceWidth) * this.scale;
        codes.push(glyphCode(glyph.id));
        scaled.push({ xAdvance, advanceWidth: width });
        advance += xAdvance;
        if (!this.used.has(glyph.id)) this.used.set(glyph.id, { gid: glyph.id, width, codePoints: [...glyph.codePoints] });
      });
      run = { codes, positions: scaled, advance };
      this.runs.set(word, run);
    }
    return run;
  }

  /** The words of `text` as pdfkit cuts them: at each space or tab, which stays with the word before it. */
  private words(text: string, each: (word: string) => void): void {
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const c = text.charAt(index);
      if ((index === text.length && last < index) || c === ' ' || c === '\t') {
        each(text.slice(last, ++index));
        last = index;
      } else {
        index++;
      }
    }
  }

  widthOfString(text: string, size: number): number {
    let advance = 0;
    this.words(text, (word) => (advance += this.run(word).advance));
    return advance * (size / 1000);
  }

  encode(text: string): [string[], readonly { readonly xAdvance: number; readonly advanceWidth: number }[]] {
    const codes: string[] = [];
    const positions: { readonly xAdvance: number; readonly advanceWidth: number }[] = [];
    this.words(text, (word) => {
      const run = this.run(word);
      codes.push(...run.codes);
      positions.push(...run.positions);
    });
    return [codes, positions];
  }
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** UTF-16BE hex of code points (surrogate pairs above the BMP), as ToUnicode wants it. */
function utf16Hex(codePoints: readonly number[]): string {
  let out = '';
  for (const cp of codePoints) {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      out += hex4(0xd800 | ((v >>> 10) & 0x3ff)) + hex4(0xdc00 | (v & 0x3ff));
    } else {
      out += hex4(cp);
    }
  }
  return out || '0000';
}

/**
 * Writes `font` into `file` as object `fontRef`: a Type0 font (Identity-H) over a CIDFontType2 whose CIDs are the
 * original glyph ids, a TrueType subset of exactly the `used` glyphs (plus their components), the CIDToGIDMap from
 * original ids to subset ids, the widths and a ToUnicode map (so the text can be searched and extracted).
 */
export function embedCidFont(file: PdfFile, fontRef: PdfRef, font: FontkitFont, used: ReadonlyMap<number, GlyphUse>, tag: string): void {
  const scale = 1000 / font.unitsPerEm;
  const glyphs = [...used.values()].sort((a, b) => a.gid - b.gid);
  const subset = font.createSubset();
  const maxCid = glyphs.at(-1)?.gid ?? 0;
  const map = Buffer.alloc((maxCid + 1) * 2);
  for (const g of glyphs) map.writeUInt16BE(subset.includeGlyph(g.gid), g.gid * 2);
  const program = subset.encode();
  const fontFile = file.addStream(program, `/Length1 ${program.length}`);
  const cidToGid = file.addStream(map);

  const name = `${tag}+${font.postscriptName.replaceAll(' ', '_')}`;
  const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic: the glyphs are addressed by id, not by a standard encoding
  if (font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  const { bbox } = font;
  const descriptor = file.add(
    `<< /Type /FontDescriptor /FontName /${name} /Flags ${flags} /FontBBox [${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY]
      .map((v) => Math.round(v * scale))
      .join(' ')}] /ItalicAngle ${font.italicAngle} /Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(
      font.descent * scale,
    )} /CapHeight ${Math.round((font.capHeight || font.ascent) * scale)} /XHeight ${Math.round((font.xHeight || 0) * scale)} /StemV 0 /FontFile2 ${ref(fontFile)} >>`,
  );
  const widths = glyphs.map((g) => `${g.gid} [${Math.round(g.width * 1000) / 1000}]`).join(' ');
  const cidFont = file.add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${ref(
      descriptor,
    )} /W [${widths}] /CIDToGIDMap ${ref(cidToGid)} >>`,
  );
  const blocks: string[] = [];
  for (let i = 0; i < glyphs.length; i += 100) {
    const block = glyphs.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map((g) => `<${hex4(g.gid)}> <${utf16Hex(g.codePoints)}>`).join('\n')}\nendbfchar`);
  }
  const toUnicode = file.addStream(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
  file.set(
    fontRef,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)} >>`,
  );
}
