/**
 * A latency histogram with bounded relative error: bucket i holds values in [(1 + e)^i, (1 + e)^(i + 1)) microseconds,
 * so a percentile read from it is within a factor (1 + e) of the exact nearest-rank value (e = 0.1 % by default),
 * whatever the number of samples, in constant memory. Values below 1 µs share bucket 0.
 */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private readonly logBase: number;
  private n = 0;
  private sum = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = Number.NEGATIVE_INFINITY;

  constructor(readonly relativeError = 0.001) {
    if (!(relativeError > 0 && relativeError < 1)) throw new Error('relativeError must be in (0, 1)');
    this.logBase = Math.log1p(relativeError);
  }

  /** Records one latency in milliseconds; negative or non-finite values are refused (a clock bug, not a sample). */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`not a latency: ${ms}`);
    const us = ms * 1000;
    const bucket = us < 1 ? 0 : Math.floor(Math.log(us) / this.logBase);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.n += 1;
    this.sum += ms;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** Adds every sample of `other` (same relative error). */
  merge(other: LatencyHistogram): void {
    if (other.relativeError !== this.relativeError) throw new Error('cannot merge histograms of different precision');
    for (const [bucket, count] of other.counts) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.n += other.n;
    this.sum += other.sum;
    this.minMs = Math.min(this.minMs, other.minMs);
    this.maxMs = Math.max(this.maxMs, other.maxMs);
  }

  get count(): number {
    return this.n;
  }

  get min(): number {
    return this.n ? this.minMs : Number.NaN;
  }

  get max(): number {
    return this.n ? this.maxMs : Number.NaN;
  }

  get mean(): number {
    return this.n ? this.sum / this.n : Number.NaN;
  }

  /**
   * Nearest-rank percentile (the smallest value with at least p % of the samples at or below it), in milliseconds:
   * the upper edge of its bucket, clamped to the observed min and max, so it never understates. NaN when empty.
   */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be in [0, 100], got ${p}`);
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    // The extreme ranks are known exactly.
    if (rank === 1) return this.minMs;
    if (rank === this.n) return this.maxMs;
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket) ?? 0;
      if (seen >= rank) {
        const upperMs = bucket === 0 ? 0.001 : Math.exp((bucket + 1) * this.logBase) / 1000;
        return Math.min(this.maxMs, Math.max(this.minMs, upperMs));
      }
    }
    return this.maxMs;
  }
}
