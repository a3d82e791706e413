import { addDays } from './dates.js';

/**
 * Handling deadlines as versioned configuration (valid from, inclusive, until, exclusive): a changed rule adds a
 * version and a signal keeps the rule of the day it arrived. The day counts are a local rule of the centre to verify
 * (DOMAIN.md: details of today's law are configuration), not constants of the law.
 */
export interface SignalDeadlineRules {
  readonly validFrom: string;
  readonly validTo?: string;
  /** Days from submission to the first measure; immediate danger is acted on the same day. */
  readonly firstMeasureDays: number;
  readonly criticalFirstMeasureDays: number;
  /** Days from submission until the signal is closed. */
  readonly closureDays: number;
  /** Days past a missed deadline before the head is alerted (escalation). */
  readonly headGraceDays: number;
}

export const SIGNAL_DEADLINE_RULES: readonly SignalDeadlineRules[] = [
  { validFrom: '2000-01-01', firstMeasureDays: 5, criticalFirstMeasureDays: 0, closureDays: 30, headGraceDays: 0 },
];

export function signalDeadlineRulesOn(date: string, table: readonly SignalDeadlineRules[] = SIGNAL_DEADLINE_RULES): SignalDeadlineRules {
  const found = table.find((r) => r.validFrom <= date && (r.validTo === undefined || date < r.validTo)) ?? table[0];
  if (!found) throw new Error('empty signal deadline table');
  return found;
}

/** What the deadline rules need to know of a signal. */
export interface SignalProgress {
  readonly submittedOn: string;
  readonly critical: boolean;
  readonly firstMeasureOn?: string;
  readonly closed: boolean;
}

export interface SignalDeadline {
  readonly dueOn?: string;
  readonly overdue: boolean;
  readonly escalated: boolean;
}

/** The running deadline on `today` (a deadline day itself is not yet missed); a closed signal has none. */
export function signalDeadline(s: SignalProgress, today: string, table: readonly SignalDeadlineRules[] = SIGNAL_DEADLINE_RULES): SignalDeadline {
  if (s.closed) return { overdue: false, escalated: false };
  const rules = signalDeadlineRulesOn(s.submittedOn, table);
  const dueOn =
    s.firstMeasureOn === undefined
      ? addDays(s.submittedOn, s.critical ? rules.criticalFirstMeasureDays : rules.firstMeasureDays)
      : addDays(s.submittedOn, rules.closureDays);
  const overdue = dueOn < today;
  return { dueOn, overdue, escalated: overdue && addDays(dueOn, rules.headGraceDays) < today };
}
