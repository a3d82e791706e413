import { type ClientEvent, type CorrectClientDetails, INTAKE_ERRORS, type RecordDeclaration } from '@kapocs/intake/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { clientDecider } from './client.decider.js';
import { lacksConsent, type RegisteredClient } from './client.state.js';
import { CLIENT_ID, clientRegistered, DISTRICT, meta, SITE } from './intake.fixtures.js';

const { given } = deciderSpec(clientDecider);

const correct = (changes: CorrectClientDetails['data']['changes'], reason = 'elírás javítása'): CorrectClientDetails => ({
  type: 'CorrectClientDetails',
  data: { clientId: CLIENT_ID, reason, changes },
  meta: meta(),
});
const start = (startedOn: string) => ({ type: 'StartService', data: { clientId: CLIENT_ID, startedOn }, meta: meta() }) as const;
const end = (endedOn: string) => ({ type: 'EndService', data: { clientId: CLIENT_ID, endedOn }, meta: meta() }) as const;
const started = (startedOn: string): ClientEvent => ({
  type: 'intake.ServiceStarted',
  schemaVersion: 1,
  data: { clientId: CLIENT_ID, site: SITE, startedOn },
});
const ended = (startedOn: string, endedOn: string): ClientEvent => ({
  type: 'intake.ServiceEnded',
  schemaVersion: 1,
  data: { clientId: CLIENT_ID, site: SITE, startedOn, endedOn },
});
const consent = (register: boolean): RecordDeclaration => ({
  type: 'RecordDeclaration',
  data: {
    clientId: CLIENT_ID,
    declaredOn: '2025-03-10',
    declaration: { kind: 'data_processing', form: 'written', purposes: { register, disclosureOnRequest: true, specialData: false } },
  },
  meta: meta(),
});

describe('CorrectClientDetails', () => {
  it('records the old and the new value of a personal field under the client subject, with the reason', () => {
    const [event] = given(clientRegistered()).when(correct({ name: 'Próba-Kiss Éva' })).events();
    expect(event).toMatchObject({ data: { personalFields: ['name'], before: {}, after: {} } });
    expect(event?.personal?.[CLIENT_ID]).toEqual({
      reason: 'elírás javítása',
      before: { name: 'Próba Éva' },
      after: { name: 'Próba-Kiss Éva' },
    });
  });

  it('records coded changes in data, birth year included when the birth date moves to another year', () =>
    expect(given(clientRegistered()).when(correct({ birthDate: '1989-01-02', education: '5' })).events()[0]).toMatchObject({
      data: { before: { education: '3', birthYear: 1988 }, after: { education: '5', birthYear: 1989 } },
    }));

  it('keeps the history: the registration still holds the old value, the state the new one', () => {
    const history = [clientRegistered()];
    const state = given(...history).when(correct({ name: 'Új Név' })).state() as RegisteredClient;
    expect(state.personal?.name).toBe('Új Név');
    expect(state.corrections).toBe(1);
    expect(history[0]?.personal?.[CLIENT_ID]?.name).toBe('Próba Éva');
  });

  it('clears an optional field with null', () =>
    expect(given(clientRegistered()).when(correct({ taj: null })).events()[0]?.personal?.[CLIENT_ID]).toMatchObject({ after: { taj: null } }));

  it('refuses to clear a required field', () =>
    given(clientRegistered()).when(correct({ name: null })).thenThrows(INTAKE_ERRORS.MISSING_FIELD, { field: 'name' }));

  it('refuses a correction without a reason', () =>
    given(clientRegistered()).when(correct({ name: 'X' }, '')).thenThrows(INTAKE_ERRORS.MISSING_FIELD, { field: 'reason' }));

  it('refuses a correction that changes nothing', () =>
    given(clientRegistered()).when(correct({ name: 'Próba Éva', sex: '2' })).thenThrows(INTAKE_ERRORS.NOTHING_TO_CORRECT));

  it('validates the corrected TAJ', () =>
    given(clientRegistered()).when(correct({ taj: '111111111' })).thenThrows(INTAKE_ERRORS.INVALID_TAJ));

  it('refuses a client of another district as not found', () =>
    given({ ...clientRegistered(), data: { ...clientRegistered().data, district: '122' as typeof DISTRICT } })
      .when(correct({ name: 'X' }))
      .thenThrows(INTAKE_ERRORS.CLIENT_NOT_FOUND));

  it('refuses an unregistered client', () => given().when(correct({ name: 'X' })).thenThrows(INTAKE_ERRORS.CLIENT_NOT_FOUND));
});

describe('RecordDeclaration', () => {
  it('records the data-processing declaration with the recording worker', () =>
    expect(given(clientRegistered()).when(consent(true)).events()[0]).toMatchObject({
      type: 'intake.DataProcessingConsentRecorded',
      data: { recordedBy: 'worker-1', purposes: { register: true, disclosureOnRequest: true, specialData: false } },
    }));

  it('flags a client with no consent on file, and clears the flag once consent is recorded', () => {
    expect(lacksConsent(given(clientRegistered()).when(start('2025-03-10')).state() as RegisteredClient)).toBe(true);
    expect(lacksConsent(given(clientRegistered()).when(consent(true)).state() as RegisteredClient)).toBe(false);
  });

  it('keeps a refusal as a refusal', () =>
    expect(lacksConsent(given(clientRegistered()).when(consent(false)).state() as RegisteredClient)).toBe(true));

  it('records the other-basic-services declaration, providers under the client subject', () => {
    const [event] = given(clientRegistered())
      .when({
        type: 'RecordDeclaration',
        data: {
          clientId: CLIENT_ID,
          declaredOn: '2025-03-01',
          declaration: { kind: 'other_basic_services', usesOtherServices: true, providers: [{ service: 'HOME_HELP', providerName: 'Próba Gondozási Központ' }] },
        },
        meta: meta(),
      })
      .events();
    expect(event).toMatchObject({ data: { usesOtherServices: true, services: ['HOME_HELP'] } });
    expect(event?.personal?.[CLIENT_ID]).toEqual({ providers: [{ service: 'HOME_HELP', providerName: 'Próba Gondozási Központ' }] });
  });

  it('refuses a basic-service code no longer valid on the declaration date', () =>
    given(clientRegistered())
      .when({
        type: 'RecordDeclaration',
        data: {
          clientId: CLIENT_ID,
          declaredOn: '2025-03-01',
          declaration: { kind: 'other_basic_services', usesOtherServices: true, providers: [{ service: 'FAMILY_SUPPORT', providerName: 'Régi Szolgálat' }] },
        },
        meta: meta(),
      })
      .thenThrows(INTAKE_ERRORS.UNKNOWN_CODE, { field: 'declaration.providers[0].service', onDate: '2025-03-01' }));

  it('refuses a declaration dated in the future', () =>
    given(clientRegistered())
      .when({ ...consent(true), data: { ...consent(true).data, declaredOn: '2025-04-01' } })
      .thenThrows(INTAKE_ERRORS.DATE_IN_FUTURE, { field: 'declaredOn' }));
});

describe('StartService / EndService (Szt. 20. § b))', () => {
  it('starts the service', () =>
    given(clientRegistered()).when(start('2025-03-10')).then(started('2025-03-10')));
  it('refuses a second start while in service', () =>
    given(clientRegistered(), started('2025-03-01')).when(start('2025-03-05')).thenThrows(INTAKE_ERRORS.SERVICE_ALREADY_STARTED));
  it('ends the service, carrying the start date', () =>
    given(clientRegistered(), started('2025-03-01')).when(end('2025-03-08')).then(ended('2025-03-01', '2025-03-08')));
  it('refuses an end before the start', () =>
    given(clientRegistered(), started('2025-03-05')).when(end('2025-03-04')).thenThrows(INTAKE_ERRORS.SERVICE_END_BEFORE_START));
  it('refuses an end without a start', () =>
    given(clientRegistered()).when(end('2025-03-04')).thenThrows(INTAKE_ERRORS.SERVICE_NOT_STARTED));
  it('allows a new episode after the previous ended', () =>
    given(clientRegistered(), started('2025-01-02'), ended('2025-01-02', '2025-02-01')).when(start('2025-03-01')).then(started('2025-03-01')));
  it('refuses a new episode starting before the previous one ended', () =>
    given(clientRegistered(), started('2025-01-02'), ended('2025-01-02', '2025-02-01'))
      .when(start('2025-01-15'))
      .thenThrows(INTAKE_ERRORS.SERVICE_START_BEFORE_PREVIOUS_END));
  it('refuses a start in the future', () =>
    given(clientRegistered()).when(start('2025-03-11')).thenThrows(INTAKE_ERRORS.DATE_IN_FUTURE, { field: 'startedOn' }));
});
