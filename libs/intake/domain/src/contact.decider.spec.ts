import { type ContactEvent, INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { clientDecider } from './client.decider.js';
import { contactDecider } from './contact.decider.js';
import { CLIENT_ID, CONTACT_ID, clientRegistered, contactLogged, logContact, meta, SITE } from './intake.fixtures.js';

const { given } = deciderSpec(contactDecider);
const client = (registeredOn = '2025-01-15') => clientDecider.evolve(clientDecider.initialState(), clientRegistered(CLIENT_ID, registeredOn));
const correct = (changes: Record<string, unknown>, reason = 'téves kód') =>
  ({ type: 'CorrectContact', data: { contactId: CONTACT_ID, reason, changes }, meta: meta() }) as const;
const voided: ContactEvent = { type: 'intake.ContactVoided', schemaVersion: 1, data: { contactId: CONTACT_ID, voidedOn: '2025-03-10' }, personal: { [CONTACT_ID]: { reason: 'tévesen rögzítve' } } };

describe('LogContact', () => {
  it('logs a client contact with the client’s coded data of the day and the description under the client subject', () => {
    const [event] = given().when(logContact({}, client())).events();
    expect(event).toMatchObject({
      type: 'intake.ContactLogged',
      data: { site: SITE, year: 2025, subject: { kind: 'client', clientId: CLIENT_ID, individualId: '25000001', birthYear: 1988 }, problemTypes: ['5', '2.1'] },
    });
    expect(event?.data).not.toHaveProperty('description');
    expect(event?.personal).toEqual({ [CLIENT_ID]: { description: 'Lakhatási gondok, tájékoztatás.' } });
  });

  it('derives "new in the year" for a client registered this year', () =>
    expect(given().when(logContact({}, client())).events()[0]?.data).toMatchObject({ newInYear: true, newInYearSource: 'derived' }));

  it('derives "returning" for a client registered in an earlier year', () =>
    expect(given().when(logContact({}, client('2023-06-01'))).events()[0]?.data).toMatchObject({ newInYear: false }));

  it('accepts the worker’s mark over the derivation', () =>
    expect(given().when(logContact({ newInYear: true }, client('2019-06-01'))).events()[0]?.data).toMatchObject({ newInYear: true, newInYearSource: 'worker' }));

  it('logs an anonymous information request, its description under the contact’s own subject', () => {
    const [event] = given().when(logContact({ subject: { kind: 'anonymous' }, problemTypes: ['9'], caseHandling: ['I'] })).events();
    expect(event?.data).toMatchObject({ subject: { kind: 'anonymous' } });
    expect(event?.personal).toEqual({ [CONTACT_ID]: { description: 'Lakhatási gondok, tájékoztatás.' } });
  });

  it('refuses a contact for an unregistered client', () =>
    given().when(logContact()).thenThrows(INTAKE_ERRORS.CLIENT_NOT_FOUND));

  it('refuses an unknown problem type naming its position', () =>
    given().when(logContact({ problemTypes: ['5', '77'] }, client())).thenThrows(INTAKE_ERRORS.UNKNOWN_CODE, { field: 'problemTypes[1]', list: 'problemType' }));

  it('refuses a contact without a case-handling type', () =>
    given().when(logContact({ caseHandling: [] }, client())).thenThrows(INTAKE_ERRORS.MISSING_FIELD, { field: 'caseHandling' }));

  it('refuses a contact dated in the future', () =>
    given().when(logContact({ date: '2025-03-11' }, client())).thenThrows(INTAKE_ERRORS.DATE_IN_FUTURE, { field: 'date' }));

  it('refuses to log the same contact twice', () =>
    given(contactLogged()).when(logContact({}, client())).thenThrows(INTAKE_ERRORS.CONTACT_ALREADY_LOGGED));
});

describe('LogGroupSession', () => {
  const group = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'LogGroupSession', data: { contactId: CONTACT_ID, site: SITE, date: '2025-03-07', dutyWorkerId: 'worker-1', groupType: '5', participantCount: 12, newParticipantCount: 3, ...overrides }, meta: meta() }) as const;

  it('logs a group session with its participant counts', () =>
    expect(given().when(group()).events()[0]).toMatchObject({ type: 'intake.GroupSessionLogged', data: { participantCount: 12, newParticipantCount: 3, year: 2025 } }));
  it('refuses more new participants than participants', () =>
    given().when(group({ newParticipantCount: 13 })).thenThrows(INTAKE_ERRORS.INVALID_FIELD, { field: 'newParticipantCount' }));
  it('refuses a session without participants', () =>
    given().when(group({ participantCount: 0 })).thenThrows(INTAKE_ERRORS.INVALID_FIELD, { field: 'participantCount' }));
});

describe('CorrectContact / VoidContact', () => {
  it('records the old and new column values and the reason', () => {
    const [event] = given(contactLogged()).when(correct({ mode: 'IN_PERSON', crisis: true })).events();
    expect(event?.data).toMatchObject({ before: { mode: 'PHONE', crisis: false }, after: { mode: 'IN_PERSON', crisis: true }, descriptionChanged: false });
    expect(event?.personal).toEqual({ [CONTACT_ID]: { reason: 'téves kód' } });
  });

  it('keeps both descriptions under the subject', () =>
    expect(given(contactLogged()).when(correct({ description: 'Pontosítva.' })).events()[0]?.personal?.[CONTACT_ID]).toEqual({
      reason: 'téves kód',
      description: { before: 'Információkérés.', after: 'Pontosítva.' },
    }));

  it('refuses moving an entry to another year', () =>
    given(contactLogged()).when(correct({ date: '2024-12-30' })).thenThrows(INTAKE_ERRORS.CORRECTION_NOT_ALLOWED, { field: 'date' }));

  it('refuses a column of the other kind of entry', () =>
    given(contactLogged()).when(correct({ participantCount: 3 })).thenThrows(INTAKE_ERRORS.CORRECTION_NOT_ALLOWED, { field: 'participantCount' }));

  it('refuses a correction that changes nothing', () =>
    given(contactLogged()).when(correct({ mode: 'PHONE' })).thenThrows(INTAKE_ERRORS.NOTHING_TO_CORRECT));

  it('voids an entry with a reason, never deleting it', () =>
    given(contactLogged())
      .when({ type: 'VoidContact', data: { contactId: CONTACT_ID, reason: 'tévesen rögzítve' }, meta: meta() })
      .then(voided));

  it('refuses to correct a voided entry', () =>
    given(contactLogged(), voided).when(correct({ mode: 'IN_PERSON' })).thenThrows(INTAKE_ERRORS.CONTACT_VOIDED));

  it('refuses to void an entry twice', () =>
    given(contactLogged(), voided)
      .when({ type: 'VoidContact', data: { contactId: CONTACT_ID, reason: 'x' }, meta: meta() })
      .thenThrows(INTAKE_ERRORS.CONTACT_VOIDED));

  it('refuses to void an entry that does not exist', () =>
    given().when({ type: 'VoidContact', data: { contactId: CONTACT_ID, reason: 'x' }, meta: meta() }).thenThrows(INTAKE_ERRORS.CONTACT_NOT_FOUND));
});
