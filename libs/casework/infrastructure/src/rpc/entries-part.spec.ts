import { entriesPart } from './case-queries.controller.js';

describe('entriesPart', () => {
  const all = Array.from({ length: 10 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
  const size = Buffer.byteLength(JSON.stringify(all[0])) + 1;

  it('cuts where the budget ends and says where to go on, every entry once', () => {
    const seen: number[] = [];
    let from: number | undefined = 0;
    let parts = 0;
    while (from !== undefined) {
      const part: { entries: { i: number }[]; nextEntry?: number } = entriesPart(all, from, size * 3);
      expect(part.entries.length).toBeLessThanOrEqual(3);
      seen.push(...part.entries.map((e) => e.i));
      from = part.nextEntry;
      parts++;
    }
    expect(seen).toEqual(all.map((e) => e.i));
    expect(parts).toBe(4);
  });

  it('gives at least one entry, however large', () => {
    expect(entriesPart(all, 2, 1)).toEqual({ entries: [all[2]], nextEntry: 3 });
    expect(entriesPart(all, 9, 1)).toEqual({ entries: [all[9]] });
  });
});
