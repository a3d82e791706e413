import type { UpcasterRegistry } from './event-store.port.js';

/** Applies the registered chain v(n) → v(n+1) → … until no upcaster is left; stored events are never rewritten. */
export function upcast(
  registry: UpcasterRegistry | undefined,
  type: string,
  schemaVersion: number,
  data: unknown,
): { schemaVersion: number; data: unknown } {
  let current = { schemaVersion, data };
  const chain = registry?.[type];
  if (!chain) return current;
  for (let step = chain[current.schemaVersion]; step; step = chain[current.schemaVersion]) {
    const next = step(current);
    // A chain that does not move forwards would loop forever.
    if (next.schemaVersion <= current.schemaVersion) {
      throw new Error(`Upcaster for ${type} v${current.schemaVersion} did not raise the schema version`);
    }
    current = next;
  }
  return current;
}
