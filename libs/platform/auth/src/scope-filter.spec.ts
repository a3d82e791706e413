import { type Actor, type DistrictCode, ROLES, type Role, type SettlementCode } from '@kapocs/shared/kernel';
import { DomainError } from '@kapocs/shared/kernel';
import { scopeFilterFor, scopeSql } from './scope-filter.js';
import { claimsToActor } from './claims.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  role,
  district: '121' as DistrictCode,
  settlements: ['03179' as SettlementCode],
  organisation: 'school-1',
  ...extra,
});

describe('scopeFilterFor', () => {
  it('limits a settlement worker to its settlements', () => {
    expect(scopeFilterFor(actor('settlement_worker'), 'personal')).toEqual({
      district: '121',
      settlements: ['03179'],
      organisation: null,
    });
  });

  it.each(['district_worker', 'case_manager', 'head'] as const)('gives %s its whole district', (role) => {
    expect(scopeFilterFor(actor(role), 'personal')).toEqual({ district: '121', settlements: null, organisation: null });
  });

  it('limits a signal member to its organisation', () => {
    expect(scopeFilterFor(actor('signal_member'), 'personal').organisation).toBe('school-1');
  });

  it.each(['county_analyst', 'operator'] as const)('refuses personal data to %s', (role) => {
    expect(() => scopeFilterFor(actor(role), 'personal')).toThrow(DomainError);
  });

  it('lets a county analyst compare districts on aggregates', () => {
    expect(scopeFilterFor(actor('county_analyst'), 'aggregate').district).toBeNull();
  });

  it('returns a filter for every role on operational data', () => {
    for (const role of ROLES) expect(scopeFilterFor(actor(role), 'operational')).toBeDefined();
  });
});

describe('scopeSql', () => {
  it('renders positional parameters after the caller’s own', () => {
    const sql = scopeSql(scopeFilterFor(actor('settlement_worker'), 'personal'), { district: 'district', settlement: 'settlement' }, 2);
    expect(sql).toEqual({ condition: '"district" = $2 AND "settlement" = ANY($3)', params: ['121', ['03179']] });
  });

  it('never widens a settlement filter on a table without a settlement column', () => {
    expect(() => scopeSql(scopeFilterFor(actor('settlement_worker'), 'personal'), { district: 'district' })).toThrow(
      /settlement column/,
    );
  });

  it('is TRUE for an unrestricted filter', () => {
    expect(scopeSql(scopeFilterFor(actor('operator'), 'operational'), { district: 'd' }).condition).toBe('TRUE');
  });
});

describe('claimsToActor', () => {
  const valid = { sub: 'u1', role: 'head', district: '121', settlements: ['03179'] };

  it('maps valid claims', () => {
    expect(claimsToActor(valid)).toEqual({ userId: 'u1', role: 'head', district: '121', settlements: ['03179'] });
  });

  it('carries the optional name claim as the display name', () => {
    expect(claimsToActor({ ...valid, name: ' Minta Anna ' })).toMatchObject({ userId: 'u1', displayName: 'Minta Anna' });
  });

  it.each([
    ['unknown role', { role: 'admin' }],
    ['malformed district', { district: '1210' }],
    ['malformed settlement', { settlements: ['3179'] }],
    ['settlements not a list', { settlements: '03179' }],
    ['empty subject', { sub: '' }],
    ['signal member without organisation', { role: 'signal_member' }],
    ['blank name', { name: '  ' }],
    ['name not a string', { name: 42 }],
  ])('rejects %s with UNAUTHENTICATED', (_name, patch) => {
    expect(() => claimsToActor({ ...valid, ...patch })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
