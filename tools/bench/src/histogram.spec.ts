import { LatencyHistogram } from './histogram.js';

/** Exact nearest-rank percentile of the raw samples, the reference the histogram must approximate. */
const exact = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
};

/** A fixed pseudo-random sequence (mulberry32), so that a failure reproduces. */
const prng = (seed: number): (() => number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('LatencyHistogram', () => {
  it('is empty until it records: NaN percentiles, zero count', () => {
    const h = new LatencyHistogram();
    expect(h.count).toBe(0);
    expect(h.percentile(99)).toBeNaN();
    expect(h.min).toBeNaN();
    expect(h.mean).toBeNaN();
  });

  it('answers every percentile within its relative error of the exact nearest rank, never below it', () => {
    const random = prng(42);
    // A heavy tail like real request latencies: mostly 1–20 ms, a few hundred-millisecond stalls.
    const samples = Array.from({ length: 20_000 }, () => (random() < 0.01 ? 100 + random() * 900 : 1 + random() * 19));
    const h = new LatencyHistogram(0.001);
    for (const s of samples) h.record(s);
    expect(h.count).toBe(samples.length);
    for (const p of [0, 1, 25, 50, 90, 95, 99, 99.9, 100]) {
      const want = exact(samples, p);
      const got = h.percentile(p);
      expect(got).toBeGreaterThanOrEqual(want);
      expect(got).toBeLessThanOrEqual(want * 1.001 + 1e-9);
    }
    expect(h.percentile(100)).toBe(Math.max(...samples));
    expect(h.percentile(0)).toBe(Math.min(...samples));
    expect(h.mean).toBeCloseTo(samples.reduce((a, b) => a + b, 0) / samples.length, 9);
  });

  it('takes the nearest rank, not an interpolation: p99 of 1..100 is 99, p50 of two values is the lower one', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 100; ms++) h.record(ms);
    expect(h.percentile(99)).toBeGreaterThanOrEqual(99);
    expect(h.percentile(99)).toBeLessThan(99.1);
    const two = new LatencyHistogram();
    two.record(10);
    two.record(1000);
    expect(two.percentile(50)).toBeLessThan(10.02);
    expect(two.percentile(51)).toBe(1000);
  });

  it('merges the samples of another histogram as if recorded into one', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const all = new LatencyHistogram();
    for (let i = 0; i < 1000; i++) {
      const ms = 0.5 + (i % 97) * 0.37;
      (i % 3 === 0 ? a : b).record(ms);
      all.record(ms);
    }
    a.merge(b);
    expect(a.count).toBe(1000);
    for (const p of [50, 95, 99]) expect(a.percentile(p)).toBe(all.percentile(p));
    expect(a.max).toBe(all.max);
    expect(() => a.merge(new LatencyHistogram(0.01))).toThrow(/precision/);
  });

  it('refuses what cannot be a latency and a percentile outside 0–100', () => {
    const h = new LatencyHistogram();
    expect(() => h.record(-1)).toThrow(/not a latency/);
    expect(() => h.record(Number.NaN)).toThrow(/not a latency/);
    h.record(0);
    expect(h.percentile(50)).toBe(0);
    expect(() => h.percentile(101)).toThrow(/percentile/);
  });
});
