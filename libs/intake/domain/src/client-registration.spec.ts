import { INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { clientDecider } from './client.decider.js';
import { CLIENT_ID, clientRegistered, details, meta, registerClient, SITE } from './intake.fixtures.js';

const { given } = deciderSpec(clientDecider);
const OTHER = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('RegisterClient', () => {
  it('registers the client with the next register number and individual id of the site and year', () => {
    const [registered, assigned] = given()
      .when(registerClient({}, { register: { site: SITE, year: 2025, lastNumber: 41 } }))
      .events();
    expect(registered).toMatchObject({
      type: 'intake.ClientRegistered',
      data: { clientId: CLIENT_ID, site: SITE, registerYear: 2025, registerNumber: 42, individualId: '25000042' },
    });
    expect(assigned).toEqual({
      type: 'intake.RegisterNumberAssigned',
      schemaVersion: 1,
      data: { site: SITE, year: 2025, registerNumber: 42, individualId: '25000042', clientId: CLIENT_ID },
    });
  });

  it('starts the first register of a year at 1', () =>
    expect(given().when(registerClient()).events()[0]).toMatchObject({ data: { registerNumber: 1, individualId: '25000001' } }));

  it('keeps personal fields under the client subject and codes in data', () => {
    const [registered] = given().when(registerClient()).events();
    expect(registered?.data).not.toHaveProperty('name');
    expect(registered?.data).not.toHaveProperty('taj');
    expect(registered?.data).toMatchObject({ birthYear: 1988, sex: '2', economicActivity: '2', residenceSettlement: SITE });
    expect(registered?.personal?.[CLIENT_ID]).toMatchObject({ name: 'Próba Éva', taj: '123456788', birthDate: '1988-05-17' });
  });

  it('stores the TAJ as bare digits when typed with spaces', () =>
    expect(given().when(registerClient({ details: details({ taj: '123 456 788' }) })).events()[0]?.personal?.[CLIENT_ID]).toMatchObject({
      taj: '123456788',
    }));

  it('accepts a client without a TAJ', () =>
    expect(given().when(registerClient({ details: details({ taj: undefined }) })).events()).toHaveLength(2));

  it('refuses a TAJ whose check digit is wrong', () =>
    given().when(registerClient({ details: details({ taj: '123456789' }) })).thenThrows(INTAKE_ERRORS.INVALID_TAJ, { field: 'taj' }));

  it('refuses a birth date in the future', () =>
    given()
      .when(registerClient({ details: details({ birthDate: '2025-03-11' }) }))
      .thenThrows(INTAKE_ERRORS.BIRTH_DATE_IN_FUTURE, { field: 'birthDate', today: '2025-03-10' }));

  it('refuses a birth date that is not a calendar date', () =>
    given().when(registerClient({ details: details({ birthDate: '1988-02-30' }) })).thenThrows(INTAKE_ERRORS.INVALID_FIELD, { field: 'birthDate' }));

  it('refuses a missing mother’s name', () =>
    given().when(registerClient({ details: details({ mothersName: ' ' }) })).thenThrows(INTAKE_ERRORS.MISSING_FIELD, { field: 'mothersName' }));

  it('refuses an unknown code naming the field', () =>
    given()
      .when(registerClient({ details: details({ education: '99' }) }))
      .thenThrows(INTAKE_ERRORS.UNKNOWN_CODE, { field: 'education', list: 'education', code: '99' }));

  it('refuses a malformed site', () =>
    given().when(registerClient({ site: '123' as never })).thenThrows(INTAKE_ERRORS.INVALID_FIELD, { field: 'site' }));

  it('refuses a second registration of the same client', () =>
    given(clientRegistered()).when(registerClient()).thenThrows(INTAKE_ERRORS.CLIENT_ALREADY_REGISTERED));

  it('counts the year in Budapest time: 23:30 UTC on 31 December is already the new year', () =>
    expect(
      given()
        .when(registerClient({}, { register: { site: SITE, year: 2026, lastNumber: 0 } }, meta({ now: '2025-12-31T23:30:00Z' })))
        .events()[0],
    ).toMatchObject({ data: { registeredOn: '2026-01-01', individualId: '26000001' } }));
});

describe('duplicate detection at registration', () => {
  const lookalike = { clientId: OTHER, identity: { name: 'PROBA EVA', birthDate: '1988-05-17', mothersName: 'minta ilona' } };

  it('refuses a probable duplicate by name, birth date and mother, naming the candidate', () =>
    given()
      .when(registerClient({}, { candidates: [lookalike] }))
      .thenThrows(INTAKE_ERRORS.PROBABLE_DUPLICATE, { candidates: [{ clientId: OTHER, reason: 'same_name_birth_date_mother' }] }));

  it('refuses a probable duplicate by TAJ', () =>
    given()
      .when(registerClient({}, { candidates: [{ clientId: OTHER, identity: { name: 'X Y', birthDate: '1970-01-01', mothersName: 'Z', taj: '123456788' } }] }))
      .thenThrows(INTAKE_ERRORS.PROBABLE_DUPLICATE, { candidates: [{ clientId: OTHER, reason: 'same_taj' }] }));

  it('reports a merged candidate as its survivor', () =>
    given()
      .when(registerClient({}, { candidates: [{ ...lookalike, survivorId: 'survivor-1' }] }))
      .thenThrows(INTAKE_ERRORS.PROBABLE_DUPLICATE, { candidates: [{ clientId: 'survivor-1' }] }));

  it('registers anyway when the worker acknowledges, recording whom they saw', () =>
    expect(given().when(registerClient({ acknowledgeDuplicates: true }, { candidates: [lookalike] })).events()[0]).toMatchObject({
      data: { acknowledgedDuplicates: [OTHER] },
    }));

  it('ignores candidates that differ in birth date', () =>
    expect(
      given()
        .when(registerClient({}, { candidates: [{ ...lookalike, identity: { ...lookalike.identity, birthDate: '1988-05-18' } }] }))
        .events(),
    ).toHaveLength(2));
});
