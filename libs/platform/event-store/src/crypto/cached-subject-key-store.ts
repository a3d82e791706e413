import type { SubjectKeyStore } from './subject-key-store.js';

export interface CachedSubjectKeyStoreOptions {
  readonly maxEntries?: number;
  /**
   * How long another process may keep using a key after a shred elsewhere. This process drops its entry at once;
   * other pods only on expiry (ADR-0002).
   */
  readonly ttlMs?: number;
}

/** Per-process cache of unwrapped keys in front of a store, so that hot subjects cost no round trip. */
export class CachedSubjectKeyStore implements SubjectKeyStore {
  private readonly entries = new Map<string, { key: Buffer; expires: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(
    private readonly inner: SubjectKeyStore,
    options: CachedSubjectKeyStoreOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  getOrCreate(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    return this.lookup(subjectIds, (missing) => this.inner.getOrCreate(missing));
  }

  find(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    return this.lookup(subjectIds, (missing) => this.inner.find(missing));
  }

  /**
   * Remembers keys the caller already holds unwrapped (read together with a stream), unless an entry is fresh: one
   * lookup less for the next seal or open of those subjects.
   */
  prime(keys: ReadonlyMap<string, Buffer>): void {
    const now = Date.now();
    for (const [id, key] of keys) {
      const hit = this.entries.get(id);
      if (!hit || hit.expires <= now) this.remember(id, key, now);
    }
  }

  /** True when the subject's key is cached and fresh. */
  has(subjectId: string): boolean {
    const hit = this.entries.get(subjectId);
    return hit !== undefined && hit.expires > Date.now();
  }

  /** Forgets every cached key: another process shredded a subject (the signal does not say which). */
  clear(): void {
    this.entries.clear();
  }

  async destroy(subjectId: string): Promise<void> {
    this.entries.delete(subjectId);
    await this.inner.destroy(subjectId);
    // A lookup that raced with the shred may have re-cached the old key.
    this.entries.delete(subjectId);
  }

  private async lookup(
    subjectIds: readonly string[],
    load: (missing: string[]) => Promise<ReadonlyMap<string, Buffer>>,
  ): Promise<ReadonlyMap<string, Buffer>> {
    const now = Date.now();
    const result = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of new Set(subjectIds)) {
      const hit = this.entries.get(id);
      if (hit && hit.expires > now) result.set(id, hit.key);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    for (const [id, key] of await load(missing)) {
      result.set(id, key);
      this.remember(id, key, now);
    }
    return result;
  }

  private remember(id: string, key: Buffer, now: number): void {
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { key, expires: now + this.ttlMs });
  }
}
