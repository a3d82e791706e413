// The parts of fontkit 2 the PDF exports use (fontkit ships no type declarations).
declare module 'fontkit' {
  export interface FontkitGlyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: readonly number[];
  }
  export interface FontkitPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface FontkitRun {
    readonly glyphs: readonly FontkitGlyph[];
    readonly positions: readonly FontkitPosition[];
  }
  export interface FontkitSubset {
    includeGlyph(glyph: number | FontkitGlyph): number;
    encode(): Uint8Array;
  }
  export interface FontkitFont {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    readonly capHeight: number;
    readonly xHeight: number;
    readonly italicAngle: number;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
    readonly post: { readonly isFixedPitch: number | boolean };
    readonly 'OS/2'?: { readonly sFamilyClass?: number };
    layout(text: string): FontkitRun;
    createSubset(): FontkitSubset;
  }
  export function create(buffer: Uint8Array): FontkitFont;
}
