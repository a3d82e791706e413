import { subjectMatches } from './subject-match.js';

describe('subjectMatches', () => {
  it.each([
    ['events.>', 'events.101.casework.CaseOpened', true],
    ['events.>', 'events', false],
    ['events.*.casework.*', 'events.101.casework.CaseOpened', true],
    ['events.*.casework.*', 'events.101.intake.ClientRegistered', false],
    ['events.*.casework.*', 'events.101.casework.CaseOpened.x', false],
    ['events.101', 'events.101', true],
    ['events.101', 'events.1010', false],
    ['*', 'a', true],
    ['*', 'a.b', false],
  ])('%s ~ %s → %s', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});
