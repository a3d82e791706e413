import { createMemberDecider } from './member.decider.js';
import { signalDeadline, type SignalDeadlineRules } from './deadlines.js';
import { feedbackStatusOf } from './feedback.js';
import { meta } from './signals.fixtures.js';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { deciderSpec } from '@kapocs/shared/testing';

describe('handling deadlines', () => {
  const progress = { submittedOn: '2025-03-10', critical: false, closed: false };

  it('runs the first-measure deadline, then the closure deadline', () => {
    expect(signalDeadline(progress, '2025-03-15')).toEqual({ dueOn: '2025-03-15', overdue: false, escalated: false });
    expect(signalDeadline(progress, '2025-03-16')).toMatchObject({ overdue: true, escalated: true });
    expect(signalDeadline({ ...progress, firstMeasureOn: '2025-03-11' }, '2025-03-16')).toMatchObject({ dueOn: '2025-04-09', overdue: false });
  });

  it('expects a critical signal to be acted on the same day', () =>
    expect(signalDeadline({ ...progress, critical: true }, '2025-03-11')).toMatchObject({ dueOn: '2025-03-10', overdue: true }));

  it('keeps the rules of the submission day when the table gets a new version', () => {
    const table: SignalDeadlineRules[] = [
      { validFrom: '2000-01-01', validTo: '2025-04-01', firstMeasureDays: 5, criticalFirstMeasureDays: 0, closureDays: 30, headGraceDays: 2 },
      { validFrom: '2025-04-01', firstMeasureDays: 2, criticalFirstMeasureDays: 0, closureDays: 30, headGraceDays: 2 },
    ];
    expect(signalDeadline(progress, '2025-04-20', table).dueOn).toBe('2025-03-15');
    expect(signalDeadline({ ...progress, submittedOn: '2025-04-02' }, '2025-04-05', table)).toEqual({ dueOn: '2025-04-04', overdue: true, escalated: false });
  });

  it('has no deadline for a closed signal', () => expect(signalDeadline({ ...progress, closed: true }, '2026-01-01')).toEqual({ overdue: false, escalated: false }));
});

describe('feedback status', () => {
  it('moves from received to closed', () => {
    const base = { closed: false, measures: 0, assigned: false, linked: false };
    expect(feedbackStatusOf(base)).toBe('received');
    expect(feedbackStatusOf({ ...base, assigned: true })).toBe('being_handled');
    expect(feedbackStatusOf({ ...base, assigned: true, measures: 1 })).toBe('measures_taken');
    expect(feedbackStatusOf({ ...base, measures: 2, closed: true })).toBe('closed');
  });
});

describe('member register', () => {
  const { given } = deciderSpec(createMemberDecider());
  const register = (category = 'SCHOOL') => ({
    type: 'RegisterMember' as const,
    data: { organisationId: 'school-1', settlements: ['12345' as never], category, name: 'Minta Iskola', contactPerson: { name: 'Kovács Anna' }, portalUsers: [{ userId: 't-1', name: 'Tanár Tibor' }] },
    meta: meta('head-1', 'head'),
  });

  it('registers an organisation with its contact person under its own subject', () => {
    const [event] = given().when(register()).events();
    expect(event).toMatchObject({ data: { category: 'SCHOOL', portalUserIds: ['t-1'], district: '130' }, personal: { 'school-1': { contactPerson: { name: 'Kovács Anna' } } } });
  });

  it('refuses an unknown category and a second registration', () => {
    given().when(register('PUB')).thenThrows(SIGNALS_ERRORS.UNKNOWN_CODE, { field: 'category' });
    const registered = given().when(register()).events();
    given(...registered).when(register()).thenThrows(SIGNALS_ERRORS.MEMBER_ALREADY_REGISTERED);
  });

  it('invites a portal user once', () => {
    const registered = given().when(register()).events();
    const invite = { type: 'InvitePortalUser' as const, data: { organisationId: 'school-1', userId: 't-2', name: 'Új Tanár' }, meta: meta('head-1', 'head') };
    expect(given(...registered).when(invite).state()).toMatchObject({ portalUserIds: ['t-1', 't-2'] });
    given(...registered).when({ ...invite, data: { ...invite.data, userId: 't-1' } }).thenThrows(SIGNALS_ERRORS.PORTAL_USER_ALREADY_INVITED);
  });
});
