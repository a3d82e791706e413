import { addMonths } from './dates.js';
import { type DeadlineRules, deadlineRulesOn, overdueItems } from './deadlines.js';
import type { OpenedCase } from './case.state.js';

const base: OpenedCase = {
  status: 'open',
  caseId: 'c1',
  district: '121' as OpenedCase['district'],
  site: '06628' as OpenedCase['site'],
  clientId: 'x',
  memberIds: [],
  responsibleWorkerId: 'w1',
  openedOn: '2025-01-02',
  goals: { g1: { goalId: 'g1', deadline: '2025-03-01', responsible: 'w1', status: 'open', integrationProgramme: false } },
  entryIds: [],
};

describe('deadlines', () => {
  it('shows a missed goal to the worker the day after, and to the head after the grace period', () => {
    expect(overdueItems(base, '2025-03-01')).toEqual([]);
    expect(overdueItems(base, '2025-03-02')).toEqual([{ caseId: 'c1', kind: 'goal', itemId: 'g1', dueOn: '2025-03-01', escalated: false }]);
    expect(overdueItems(base, '2025-03-17')[0]?.escalated).toBe(true);
  });

  it('ignores achieved goals and closed cases', () => {
    const achieved = { goalId: 'g1', deadline: '2025-03-01', responsible: 'w1', status: 'achieved' as const, integrationProgramme: false };
    expect(overdueItems({ ...base, goals: { g1: achieved } }, '2025-04-01')).toEqual([]);
    expect(overdueItems({ ...base, status: 'closed' }, '2025-04-01')).toEqual([]);
  });

  it('watches the latest agreement’s expected completion', () =>
    expect(overdueItems({ ...base, goals: {}, agreementDueOn: '2025-02-01' }, '2025-02-02')).toMatchObject([{ kind: 'agreement', dueOn: '2025-02-01' }]));

  it('needs the integration programme within 60 days of registration, then meetings every 3 months and a yearly evaluation', () => {
    const aa = { ...base, goals: {}, activeAge: { registeredOn: '2025-01-02' } };
    expect(overdueItems(aa, '2025-03-03')).toEqual([]);
    expect(overdueItems(aa, '2025-03-04')).toMatchObject([{ kind: 'integration_programme', dueOn: '2025-03-03' }]);
    const agreed = { ...aa, activeAge: { registeredOn: '2025-01-02', programmeAgreedOn: '2025-02-01', lastMeetingOn: '2025-03-01' } };
    expect(overdueItems(agreed, '2025-06-02')).toMatchObject([{ kind: 'personal_meeting', dueOn: '2025-06-01' }]);
    expect(overdueItems(agreed, '2026-02-02').map((i) => i.kind)).toEqual(['personal_meeting', 'yearly_evaluation']);
  });

  it('applies the rules version valid on the day a deadline starts running', () => {
    const table: DeadlineRules[] = [
      { validFrom: '2006-01-01', validTo: '2025-01-01', headGraceDays: 15, integrationProgrammeDays: 60, personalMeetingMonths: 3, yearlyEvaluationMonths: 12 },
      { validFrom: '2025-01-01', headGraceDays: 5, integrationProgrammeDays: 30, personalMeetingMonths: 2, yearlyEvaluationMonths: 12 },
    ];
    expect(deadlineRulesOn('2024-12-31', table).integrationProgrammeDays).toBe(60);
    const aa = { ...base, goals: {}, activeAge: { registeredOn: '2025-01-02' } };
    expect(overdueItems(aa, '2025-02-02', table)).toMatchObject([{ kind: 'integration_programme', dueOn: '2025-02-01', escalated: false }]);
    expect(overdueItems(aa, '2025-02-07', table)[0]?.escalated).toBe(true);
  });

  it('adds calendar months without jumping past a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
});
