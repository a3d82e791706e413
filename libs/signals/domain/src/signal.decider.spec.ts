import { SIGNALS_ERRORS, type SignalEvent } from '@kapocs/signals/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { signalDecider } from './signal.decider.js';
import { member, meta, NOW, SIGNAL_ID, submit, triage } from './signals.fixtures.js';

const { given } = deciderSpec(signalDecider);
const submitted = (): SignalEvent => given().when(submit()).events()[0] as SignalEvent;

describe('SubmitSignal (jelzés)', () => {
  it('records the coded facts in data and what was written under the signal subject', () => {
    const [event] = given().when(submit()).events();
    expect(event).toMatchObject({
      type: 'signals.SignalSubmitted',
      data: { signalId: SIGNAL_ID, organisationId: 'school-1', memberCategory: 'SCHOOL', categories: ['NEGLECT'], critical: false, submittedAt: NOW },
      personal: { [SIGNAL_ID]: { observed: 'Hetek óta éhesen érkezik.' } },
    });
    expect(JSON.stringify(event?.data)).not.toContain('Minta Pista');
  });

  it('flags immediate danger as critical', () =>
    expect(given().when(submit({ urgency: 'immediate' })).events()[0]?.data).toMatchObject({ critical: true }));

  it('refuses a signal without a category, and an unknown category', () => {
    given().when(submit({ categories: [] })).thenThrows(SIGNALS_ERRORS.MISSING_CATEGORY, { field: 'categories' });
    given().when(submit({ categories: ['NEGLECT', 'NOPE'] })).thenThrows(SIGNALS_ERRORS.UNKNOWN_CODE, { field: 'categories[1]' });
  });

  it('refuses an observation date in the future and a missing description', () => {
    given().when(submit({ observedSince: '2025-03-11' })).thenThrows(SIGNALS_ERRORS.DATE_IN_FUTURE, { field: 'observedSince' });
    given().when(submit({ personal: { subject: {}, observed: ' ' } })).thenThrows(SIGNALS_ERRORS.MISSING_FIELD, { field: 'observed' });
  });

  it('accepts portal signals only from a portal user of a registered member of the district', () => {
    given().when(submit({}, null as never)).thenThrows(SIGNALS_ERRORS.MEMBER_NOT_FOUND);
    given().when(submit({}, { ...member, district: '121' as never })).thenThrows(SIGNALS_ERRORS.MEMBER_NOT_FOUND);
    given().when(submit({}, member, meta('stranger'))).thenThrows(SIGNALS_ERRORS.NOT_A_PORTAL_USER);
  });

  it('lets staff record a phone signal without a member', () => {
    const { organisationId: _, ...rest } = submit().data;
    const command = { type: 'SubmitSignal' as const, data: { ...rest, source: 'staff' as const, channel: 'PHONE' }, meta: meta('worker-1', 'district_worker') };
    expect(given().when(command).events()[0]?.data).toMatchObject({ source: 'staff', channel: 'PHONE' });
  });

  it('refuses a second submission on the same stream', () => given(submitted()).when(submit()).thenThrows(SIGNALS_ERRORS.SIGNAL_ID_CONFLICT));
});

describe('triage', () => {
  it('assigns, and refuses the same worker twice', () => {
    const [assigned] = given(submitted()).when(triage('AssignSignal', { workerId: 'w-1' })).events();
    expect(assigned).toMatchObject({ data: { workerId: 'w-1', assignedOn: '2025-03-10' } });
    given(submitted(), assigned as SignalEvent).when(triage('AssignSignal', { workerId: 'w-1' })).thenThrows(SIGNALS_ERRORS.SAME_WORKER);
  });

  it('links a registered client of the district only', () => {
    const link = triage('LinkSignalToClient', { clientId: 'c-1' });
    given(submitted()).when({ ...link, client: { clientId: 'c-1', district: '130', erased: false } }).then({
      type: 'signals.SignalLinkedToClient',
      schemaVersion: 1,
      data: { signalId: SIGNAL_ID, clientId: 'c-1', linkedOn: '2025-03-10' },
    });
    given(submitted()).when({ ...link, client: { clientId: 'c-1', district: '121', erased: false } }).thenThrows(SIGNALS_ERRORS.CLIENT_NOT_REGISTERED);
    given(submitted()).when(link).thenThrows(SIGNALS_ERRORS.CLIENT_NOT_REGISTERED);
  });

  it('records dated measures; a closing measure closes the signal', () => {
    const closing = given(submitted()).when(triage('RecordSignalMeasure', { measureId: 'm-1', kind: 'CLOSED_UNFOUNDED', date: '2025-03-10' }));
    expect(closing.state()).toMatchObject({ status: 'closed', closedOn: '2025-03-10', firstMeasureOn: '2025-03-10' });
    given(submitted(), ...closing.events())
      .when(triage('RecordSignalMeasure', { measureId: 'm-2', kind: 'FAMILY_VISIT', date: '2025-03-10' }))
      .thenThrows(SIGNALS_ERRORS.SIGNAL_CLOSED);
  });

  it('refuses an unknown measure and a measure dated before the signal', () => {
    given(submitted()).when(triage('RecordSignalMeasure', { measureId: 'm-1', kind: 'PARTY', date: '2025-03-10' })).thenThrows(SIGNALS_ERRORS.UNKNOWN_CODE, { field: 'kind' });
    given(submitted()).when(triage('RecordSignalMeasure', { measureId: 'm-1', kind: 'FIRST_CONTACT', date: '2025-03-09' })).thenThrows(SIGNALS_ERRORS.INVALID_FIELD, { field: 'date' });
  });

  it('answers not found for a signal that does not exist', () =>
    given().when(triage('MarkSignalForRegistration', {})).thenThrows(SIGNALS_ERRORS.SIGNAL_NOT_FOUND));
});
