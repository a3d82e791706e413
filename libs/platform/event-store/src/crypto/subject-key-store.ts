/**
 * Data-encryption keys per data subject (DESIGN.md §5). Subject ids are opaque ids, never personal data. Keys are
 * stored wrapped under the master key; implementations hand out unwrapped keys only to the event store.
 */
export interface SubjectKeyStore {
  /** The keys of these subjects, created for those that have none (also for a subject shredded earlier). */
  getOrCreate(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>>;
  /** The keys that exist; a shredded subject is absent from the result. */
  find(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>>;
  /** Destroys the key for good: every ciphertext under it becomes unreadable. */
  destroy(subjectId: string): Promise<void>;
}
