import { createHash } from 'node:crypto';
/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every platform, which is all a
 * demo-data generator needs. Not for anything secret.
 */
export class Prng {
  private state: number;
  private idCounter = 0;

  /**
   * `idLabel` names this sequence (run seed, year, site, purpose). Ids are then a hash of the label and a counter:
   * unique by construction across sites. mulberry32 has a single 2^32-state cycle, so the number streams of
   * thousands of sites overlap, and ids drawn from them collided in the national data set (measured: after ~4 M
   * events).
   */
  constructor(
    seed: number,
    private readonly idLabel = `seed:${seed >>> 0}`,
  ) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  private orderedSeq = 0;

  /**
   * A version-7-shaped UUID whose first 48 bits are the day's timestamp plus a running count: ids of one site sort by
   * date. The store appends a batch's streams in id order (deadlock avoidance), so time-ordered contact ids make the
   * forgalmi napló number a generated year in date order, as live entry does.
   */
  uuidAt(date: string): string {
    const ms = Date.parse(`${date}T00:00:00Z`) + this.orderedSeq++;
    const time = ms.toString(16).padStart(12, '0');
    const random = this.uuid().replace(/-/g, '');
    const hex = `${time}7${random.slice(13, 16)}${random.slice(16, 32)}`;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  /** A version-4-shaped UUID, reproducible: a hash of this sequence's label and its running id count. */
  uuid(): string {
    const h = createHash('sha256').update(`${this.idLabel}#${this.idCounter++}`).digest('hex');
    const variant = HEX[(parseInt(h[16] as string, 16) & 0x3) | 0x8];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const HEX = '0123456789abcdef';

/** A 32-bit seed from a run seed and labels (FNV-1a), so each site's sequence is independent of every other's. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = [seed, ...labels].join('/');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A weighted choice table: build once, draw in O(log n). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of items) {
      if (!(w >= 0)) throw new Error('weights must be non-negative');
      sum += w;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('weights sum to zero');
    this.total = sum;
  }

  draw(rng: Prng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return (this.items[lo] as readonly [T, number])[0];
  }

  /** `count` distinct values (fewer when the table is smaller), in draw order. */
  drawDistinct(rng: Prng, count: number): T[] {
    const out: T[] = [];
    const n = Math.min(count, this.items.length);
    for (let guard = 0; out.length < n && guard < 100; guard++) {
      const v = this.draw(rng);
      if (!out.includes(v)) out.push(v);
    }
    return out;
  }
}
