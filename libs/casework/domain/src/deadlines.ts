import type { OverdueItem } from '@kapocs/casework/contracts';
import type { OpenedCase } from './case.state.js';
import { addDays, addMonths } from './dates.js';

/**
 * Deadlines as versioned configuration (valid from, inclusive, until, exclusive), like the code lists: a changed
 * decree or local rule adds a version and old cases keep the rule of their own date.
 */
export interface DeadlineRules {
  readonly validFrom: string;
  readonly validTo?: string;
  /** Days after a missed deadline before it shows up for the head too. */
  readonly headGraceDays: number;
  /** 63/2006. Korm. r. 17. § (12) c): beilleszkedési program within this many days of registration. */
  readonly integrationProgrammeDays: number;
  /** 17. § (12) d): a personal meeting at least this often (months). */
  readonly personalMeetingMonths: number;
  /** 17. § (12) e): a written evaluation at least this often (months). */
  readonly yearlyEvaluationMonths: number;
}

/** The shipped table; the grace period is a local rule of the service (to verify per centre, legal-forms.md §0). */
export const DEADLINE_RULES: readonly DeadlineRules[] = [
  { validFrom: '2006-04-01', headGraceDays: 15, integrationProgrammeDays: 60, personalMeetingMonths: 3, yearlyEvaluationMonths: 12 },
];

/** The rules valid on a date; the earliest version before the table starts. */
export function deadlineRulesOn(date: string, table: readonly DeadlineRules[] = DEADLINE_RULES): DeadlineRules {
  const found = table.find((r) => r.validFrom <= date && (r.validTo === undefined || date < r.validTo));
  const fallback = table[0];
  if (!found && !fallback) throw new Error('empty deadline table');
  return found ?? (fallback as DeadlineRules);
}

/** The aktív korúak deadlines of a case, each computed with the rules valid on the day it started running. */
export function activeAgeDeadlines(c: OpenedCase, table: readonly DeadlineRules[] = DEADLINE_RULES): { kind: OverdueItem['kind']; dueOn: string }[] {
  const aa = c.activeAge;
  if (!aa) return [];
  if (!aa.programmeAgreedOn) {
    return [{ kind: 'integration_programme', dueOn: addDays(aa.registeredOn, deadlineRulesOn(aa.registeredOn, table).integrationProgrammeDays) }];
  }
  const lastMeeting = aa.lastMeetingOn ?? aa.programmeAgreedOn;
  const lastEvaluation = aa.lastYearlyEvaluationOn ?? aa.programmeAgreedOn;
  return [
    { kind: 'personal_meeting', dueOn: addMonths(lastMeeting, deadlineRulesOn(lastMeeting, table).personalMeetingMonths) },
    { kind: 'yearly_evaluation', dueOn: addMonths(lastEvaluation, deadlineRulesOn(lastEvaluation, table).yearlyEvaluationMonths) },
  ];
}

/**
 * Deadlines of an open case missed on `today` (a deadline day itself is not yet missed): open goals, the latest
 * agreement's expected completion, the aktív korúak duties. `escalated` once the head's grace period is over too.
 */
export function overdueItems(c: OpenedCase, today: string, table: readonly DeadlineRules[] = DEADLINE_RULES): OverdueItem[] {
  if (c.status !== 'open') return [];
  const grace = deadlineRulesOn(today, table).headGraceDays;
  const item = (kind: OverdueItem['kind'], dueOn: string, itemId?: string): OverdueItem => ({
    caseId: c.caseId,
    kind,
    ...(itemId ? { itemId } : {}),
    dueOn,
    escalated: addDays(dueOn, grace) < today,
  });
  const items: OverdueItem[] = [];
  for (const goal of Object.values(c.goals)) {
    if (goal.status === 'open' && goal.deadline < today) items.push(item('goal', goal.deadline, goal.goalId));
  }
  if (c.agreementDueOn !== undefined && c.agreementDueOn < today) items.push(item('agreement', c.agreementDueOn));
  for (const d of activeAgeDeadlines(c, table)) if (d.dueOn < today) items.push(item(d.kind, d.dueOn));
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
