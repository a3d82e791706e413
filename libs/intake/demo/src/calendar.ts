/** Working days (Monday–Friday) of a year as ISO dates, cached: contacts and registrations happen on them. */
const cache = new Map<number, readonly string[]>();

export function workingDays(year: number): readonly string[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d.toISOString().slice(0, 10));
  }
  cache.set(year, days);
  return days;
}

/** A date `years` and `extraDays` before 1 January of `year`: birth dates always lie before any event of the year. */
export function dateBefore(year: number, years: number, extraDays: number): string {
  const d = new Date(Date.UTC(year - years, 0, 1));
  d.setUTCDate(d.getUTCDate() - 1 - extraDays);
  return d.toISOString().slice(0, 10);
}

/** The instant a generated command is taken to have happened: mid-morning in Budapest on the day. */
export const instantOn = (isoDate: string): string => `${isoDate}T09:00:00.000Z`;
