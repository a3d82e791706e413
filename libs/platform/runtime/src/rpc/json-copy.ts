// A copy with JSON's meaning, without JSON text (see jsonCopy).

/** Values JSON leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function copyValue(value: unknown, key: string, open: Set<object>): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      // JSON has no NaN or Infinity (null), and writes -0 as 0.
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object': {
      if (v === null) return null;
      if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
      open.add(v);
      let out: unknown;
      if (Array.isArray(v)) {
        out = v.map((item: unknown, i) => (omitted(item) ? null : (copyValue(item, String(i), open) ?? null)));
      } else {
        const copied: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          const item = (v as Record<string, unknown>)[k];
          const c = omitted(item) ? undefined : copyValue(item, k, open);
          if (c !== undefined) copied[k] = c;
        }
        out = copied;
      }
      open.delete(v);
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * `JSON.parse(JSON.stringify(value))` without the text in between: the same result (toJSON, boxed primitives,
 * non-finite numbers as null, undefined and functions left out of objects and null in arrays; a BigInt or a cycle
 * throws), but strings are kept — they are immutable, so sharing one shares nothing — instead of being escaped and
 * parsed again. Requests and replies of the in-process transport cross this boundary as they would cross NATS; a
 * napló export page is a 512 KB JSON string, which the text round trip escaped and unescaped at ~9 ms a page.
 */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (copyValue(value, '', new Set()) as T);
}
