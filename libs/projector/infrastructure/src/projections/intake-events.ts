import { isRedacted, type RecordedEvent } from '@kapocs/platform/event-store';

export { CLIENT_ERASED } from '@kapocs/intake/contracts';

/** The decrypted personal data of `subject`, or undefined when absent or shredded (REDACTED). */
export function personalOf<T>(event: RecordedEvent, subject: string | null | undefined): Partial<T> | undefined {
  if (!subject) return undefined;
  const value = event.personal[subject];
  if (value === undefined || isRedacted(value)) return undefined;
  return value as Partial<T>;
}

export { nameKey } from '@kapocs/shared/kernel';

/** camelCase field → snake_case column. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
