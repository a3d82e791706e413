/**
 * A reference number as a person types it: read aloud or copied from the receipt, with or without the `J-` prefix,
 * dashes or spaces, in any case (`j-abc12-def34`, `ABC12DEF34`, `ABC12 DEF34`). Ten characters of the reference
 * alphabet come back as `J-XXXXX-XXXXX`; anything else is returned trimmed and upper-cased (and finds nothing).
 */
export function normalizeReference(input: string): string {
  const typed = input.trim().toUpperCase();
  const compact = typed.replace(/[\s-]/g, '');
  const prefixed = /^J-/.test(typed) || (compact.startsWith('J') && compact.length === 11);
  const body = prefixed ? compact.slice(1) : compact;
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(body) ? `J-${body.slice(0, 5)}-${body.slice(5)}` : typed;
}
