// The table text writer of the napló PDF: wrapping and glyph runs computed once per distinct word and line.

/** The parts of fontkit's font the digit check uses. */
interface ShapingFont {
  layout(text: string): {
    readonly glyphs: readonly { readonly id: number; readonly advanceWidth: number }[];
    readonly positions: readonly { readonly xAdvance: number; readonly xOffset: number; readonly yOffset: number }[];
  };
}

/**
 * The font the table writer uses (CidFont): shaping, metrics, and `encode`, whose glyph codes are the bytes of a
 * literal string.
 */
export interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  readonly font: ShapingFont;
  lineHeight(size: number, includeGap?: boolean): number;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], readonly { readonly xAdvance: number; readonly advanceWidth: number }[]];
}

const DIGITS = '0123456789';
const ONLY_DIGITS = /^[0-9]+$/;
/** Per fontkit font: whether digits shape one glyph each, unkerned, in every pair (so a number is the sum of its digits). */
const plainDigits = new WeakMap<ShapingFont, boolean>();

function digitsArePlain(font: ShapingFont): boolean {
  let plain = plainDigits.get(font);
  if (plain === undefined) {
    const single = [...DIGITS].map((d) => font.layout(d));
    plain =
      single.every((r) => r.glyphs.length === 1 && r.positions[0]?.xAdvance === r.glyphs[0]?.advanceWidth) &&
      [...DIGITS].every((a, i) =>
        [...DIGITS].every((b, j) => {
          const pair = font.layout(a + b);
          return (
            pair.glyphs.length === 2 &&
            [single[i], single[j]].every(
              (r, k) =>
                pair.glyphs[k]?.id === r?.glyphs[0]?.id &&
                pair.positions[k]?.xAdvance === r?.positions[0]?.xAdvance &&
                pair.positions[k]?.xOffset === 0 &&
                pair.positions[k]?.yOffset === 0,
            )
          );
        }),
      );
    plainDigits.set(font, plain);
  }
  return plain;
}

export const round = (v: number): number => Math.round(v * 100) / 100;
export const num = (v: number): string => String(round(v));

/**
 * Lays out and writes table text straight into the page content, shaped as pdfkit shapes it (CidFont). pdfkit's
 * `text()` wraps and encodes every call from scratch (and `heightOfString` wraps once more): for a year of a big site,
 * ~1 M cells, that was most of the export time. Here a word's width and a line's encoded glyphs are computed once per
 * distinct string; labels, dates and names repeat all the time.
 */
export class TableWriter {
  private readonly widths = new Map<string, number>();
  private readonly glyphs = new Map<string, string>();
  private readonly words = new Map<string, readonly Segment[]>();
  readonly lineHeight: number;
  private readonly space: number;
  /**
   * Advance (in 1/1000 em) and glyph code of each digit, when the font shapes digits independently. A year of a big
   * site has ~76,000 distinct numbers (serials, individual ids) and ~300 other words: shaping each number through
   * fontkit was most of the layout time. The sum is the one pdfkit computes (multiples of 1/256, so exact).
   */
  private readonly digitAdvance: Map<string, number> | undefined;
  private readonly digitCode = new Map<string, string>();

  constructor(
    readonly font: EmbeddedFont,
    readonly size: number,
  ) {
    this.lineHeight = font.lineHeight(size, true);
    this.space = font.widthOfString(' ', size);
    this.digitAdvance = digitsArePlain(font.font) ? new Map([...DIGITS].map((d) => [d, font.widthOfString(d, 1000)])) : undefined;
  }

  width(word: string): number {
    // A number (a serial, an individual id: most of them occur once) is summed from its digits, not cached: caching
    // each kept ~120,000 entries alive through a year's export, for nothing.
    if (this.digitAdvance && ONLY_DIGITS.test(word)) return this.digitsWidth(word);
    let w = this.widths.get(word);
    if (w === undefined) {
      w = this.font.widthOfString(word, this.size);
      this.widths.set(word, w);
    }
    return w;
  }

  private digitsWidth(word: string): number {
    let advance = 0;
    for (const d of word) advance += this.digitAdvance?.get(d) ?? 0;
    return advance * (this.size / 1000);
  }

  /** A number's glyphs: its digits' codes. */
  private digitsShow(line: string): string {
    let codes = '';
    for (const d of line) {
      let code = this.digitCode.get(d);
      if (code === undefined) {
        code = this.font.encode(d)[0].join('');
        this.digitCode.set(d, code);
      }
      codes += code;
    }
    return `(${codes}) Tj`;
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
    // Numbers are composed from their digits' codes every time (see `width`).
    if (this.digitAdvance && ONLY_DIGITS.test(line)) return this.digitsShow(line);
    let op = this.glyphs.get(line);
    if (op === undefined) {
      op = this.composedShow(line);
      this.glyphs.set(line, op);
    }
    return op;
  }

  /**
   * pdfkit shapes a line word by word (each word with the space after it), so a line's glyphs are its words' glyphs:
   * each distinct word is encoded once. A part ends after a kerned glyph or at the end of the line, as in pdfkit's
   * `_fragment`.
   */
  private composedShow(line: string): string {
    const parts: string[] = [];
    let codes = '';
    let last = 0;
    let index = 0;
    while (index <= line.length) {
      const c = line.charAt(index);
      if ((index === line.length && last < index) || c === ' ' || c === '\t') {
        for (const segment of this.segmentsOf(line.slice(last, ++index))) {
          codes += segment.codes;
          if (segment.adjust !== 0) {
            parts.push(`(${codes}) ${num(-segment.adjust)}`);
            codes = '';
          }
        }
        last = index;
      } else {
        index++;
      }
    }
    if (codes !== '') parts.push(`(${codes})`);
    // A single part without a kerning adjustment after it (the string may itself hold a space) is shown with Tj.
    return parts.length === 1 && parts[0]?.endsWith(')') ? `${parts[0]} Tj` : parts.length === 0 ? '() Tj' : `[${parts.join(' ')}] TJ`;
  }

  /** A word's glyph codes, cut after each glyph whose advance kerning changed (`adjust`, 0 for the rest). */
  private segmentsOf(word: string): readonly Segment[] {
    let segments = this.words.get(word);
    if (segments === undefined) {
      const [encoded, positions] = this.font.encode(word);
      const cut: Segment[] = [];
      let from = 0;
      positions.forEach((p, i) => {
        const adjust = p.xAdvance - p.advanceWidth;
        if (adjust !== 0 || i === positions.length - 1) {
          cut.push({ codes: encoded.slice(from, i + 1).join(''), adjust });
          from = i + 1;
        }
      });
      segments = cut;
      this.words.set(word, segments);
    }
    return segments;
  }
}

interface Segment {
  /** The glyph codes, as bytes of a literal string. */
  readonly codes: string;
  readonly adjust: number;
}
