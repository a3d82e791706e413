import type { SubjectKeyStore } from './subject-key-store.js';
import { generateDataKey, unwrapKey, wrapKey } from './envelope.js';

/** Keeps wrapped keys like the PostgreSQL store does, so unit tests exercise the same wrap/unwrap path. */
export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly wrapped = new Map<string, Buffer>();

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
  }

  async getOrCreate(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    for (const id of subjectIds) {
      if (!this.wrapped.has(id)) this.wrapped.set(id, wrapKey(this.masterKey, generateDataKey(), id));
    }
    return this.find(subjectIds);
  }

  async find(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const id of subjectIds) {
      const w = this.wrapped.get(id);
      if (w) keys.set(id, unwrapKey(this.masterKey, w, id));
    }
    return keys;
  }

  async destroy(subjectId: string): Promise<void> {
    this.wrapped.get(subjectId)?.fill(0);
    this.wrapped.delete(subjectId);
  }
}
