import { type Actor, type DistrictCode, ROLES, type Role, type SettlementCode } from '@kapocs/shared/kernel';
import { type AccessDecision, type DataKind, type RequestScope, decideAccess } from './access-policy.js';

const actorFor = (role: Role): Actor => ({
  userId: `u-${role}`,
  role,
  district: '121' as DistrictCode,
  settlements: role === 'settlement_worker' ? ['03179' as SettlementCode] : [],
  ...(role === 'signal_member' ? { organisation: 'school-1' } : {}),
});

/** Every scope situation the guard can meet, in the column order of the tables below. */
const SITUATIONS: ReadonlyArray<[string, RequestScope | undefined]> = [
  ['unscoped', undefined],
  ['own settlement', { district: '121', settlement: '03179' }],
  ['own district, no settlement', { district: '121' }],
  ['foreign district', { district: '122', settlement: '11111' }],
  ['foreign settlement in own district', { district: '121', settlement: '22222' }],
  ['own organisation', { district: '121', organisation: 'school-1' }],
  ['foreign organisation', { district: '121', organisation: 'school-2' }],
  ['malformed district', { district: '12' }],
  ['missing district', {}],
];

/** A allowed, F FORBIDDEN, S OUT_OF_SCOPE, V VALIDATION_FAILED; one letter per situation above. */
const EXPECTED: Record<DataKind, Record<Role, string>> = {
  personal: {
    settlement_worker: 'AAASSAAVV',
    district_worker: 'AAASAAAVV',
    case_manager: 'AAASAAAVV',
    head: 'AAASAAAVV',
    signal_member: 'AFFSFASVV',
    county_analyst: 'FFFFFFFFF',
    operator: 'FFFFFFFFF',
  },
  aggregate: {
    settlement_worker: 'AAASSAAVV',
    district_worker: 'AAASAAAVV',
    case_manager: 'AAASAAAVV',
    head: 'AAASAAAVV',
    signal_member: 'FFFFFFFFF',
    county_analyst: 'AAAAAAAVV',
    operator: 'FFFFFFFFF',
  },
  operational: {
    settlement_worker: 'AAASSAAVV',
    district_worker: 'AAASAAAVV',
    case_manager: 'AAASAAAVV',
    head: 'AAASAAAVV',
    signal_member: 'AAASAASVV',
    county_analyst: 'AAAAAAAVV',
    operator: 'AAAAAAAVV',
  },
};

const letter = (d: AccessDecision): string =>
  d.allowed ? 'A' : { FORBIDDEN: 'F', OUT_OF_SCOPE: 'S', VALIDATION_FAILED: 'V' }[d.code];

describe('decideAccess: the full role × data × scope matrix', () => {
  const cases = (Object.keys(EXPECTED) as DataKind[]).flatMap((data) =>
    ROLES.flatMap((role) =>
      SITUATIONS.map(([situation, scope], i) => [data, role, situation, scope, EXPECTED[data][role][i]] as const),
    ),
  );

  it('covers every role and situation', () => {
    expect(cases).toHaveLength(3 * ROLES.length * SITUATIONS.length);
    for (const table of Object.values(EXPECTED)) {
      for (const row of Object.values(table)) expect(row).toHaveLength(SITUATIONS.length);
    }
  });

  it.each(cases)('%s data, %s, %s (%j) → %s', (data, role, _situation, scope, expected) => {
    expect(letter(decideAccess(actorFor(role), { data, ...(scope ? { scope } : {}) }))).toBe(expected);
  });
});

describe('decideAccess: role lists', () => {
  it.each(ROLES)('refuses %s when the route lists other roles, before looking at the scope', (role) => {
    const others = ROLES.filter((r) => r !== role);
    const decision = decideAccess(actorFor(role), { roles: others, data: 'operational', scope: { district: 'x' } });
    expect(decision).toEqual({ allowed: false, code: 'FORBIDDEN', reason: 'role' });
  });

  it.each(ROLES)('lets %s through a route that lists it', (role) => {
    expect(decideAccess(actorFor(role), { roles: [role], data: 'operational' })).toEqual({ allowed: true });
  });

  it('reports a malformed settlement code as a validation failure naming the field', () => {
    const decision = decideAccess(actorFor('head'), { data: 'personal', scope: { district: '121', settlement: '3179' } });
    expect(decision).toEqual({ allowed: false, code: 'VALIDATION_FAILED', reason: 'settlement' });
  });

  it('refuses a settlement worker without settlements any settlement', () => {
    const actor = { ...actorFor('settlement_worker'), settlements: [] };
    const decision = decideAccess(actor, { data: 'personal', scope: { district: '121', settlement: '03179' } });
    expect(decision).toEqual({ allowed: false, code: 'OUT_OF_SCOPE', reason: 'settlement' });
  });
});
