import type { ContactLogPeriod } from '@kapocs/projector/contracts';
import { DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';

export interface PeriodRange {
  readonly year: number;
  /** Inclusive ISO date. */
  readonly from: string;
  /** Inclusive ISO date. */
  readonly to: string;
  /** For headings and file names: `2026`, `2026-03`, `2026-03-14`. */
  readonly label: string;
}

const invalid = (): DomainError => new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, { field: 'period' });

/** A day, month or year of one forgalmi napló (numbering restarts each year, so a period never spans two). */
export function periodRange(period: ContactLogPeriod): PeriodRange {
  if ('date' in period) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period.date);
    if (!m || Number.isNaN(Date.parse(`${period.date}T00:00:00Z`))) throw invalid();
    return { year: Number(m[1]), from: period.date, to: period.date, label: period.date };
  }
  if ('month' in period) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period.month);
    if (!m) throw invalid();
    return { year: Number(m[1]), from: `${period.month}-01`, to: `${period.month}-31`, label: period.month };
  }
  if ('year' in period && /^\d{4}$/.test(period.year)) {
    return { year: Number(period.year), from: `${period.year}-01-01`, to: `${period.year}-12-31`, label: period.year };
  }
  throw invalid();
}
