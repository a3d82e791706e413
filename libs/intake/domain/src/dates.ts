/**
 * Dates are ISO `YYYY-MM-DD` calendar dates of Hungary: "today" is the Budapest date of the command's instant, so a
 * contact logged at 00:30 on 1 January counts in the new year although it is still 31 December in UTC.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

const budapest = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Budapest',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Budapest calendar date of an ISO instant (the command's `meta.now`). */
export const localDateOf = (instant: string): string => {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new TypeError(`meta.now is not an instant: ${instant}`);
  return budapest.format(date);
};

export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
