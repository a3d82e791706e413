import { CASEWORK_ERRORS } from '@kapocs/casework/contracts';
import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { deciderSpec } from '@kapocs/shared/testing';
import { caseDecider } from './case.decider.js';
import type { OpenedCase } from './case.state.js';
import { agreementSigned, CASE_ID, caseClosed, caseOpened, CLIENT_ID, cmd, goalSet, meta, openCase } from './casework.fixtures.js';

const { given } = deciderSpec(caseDecider);

describe('OpenCase (gondozásba vétel)', () => {
  it('opens a case for a registered client with the case-responsible worker', () =>
    given().when(openCase()).then(caseOpened()));

  it('opens a family case with the other registered members', () =>
    expect(
      given()
        .when(openCase({ memberIds: ['client-2'] }, [{ clientId: CLIENT_ID, district: '121', erased: false }, { clientId: 'client-2', district: '121', erased: false }]))
        .events()[0],
    ).toMatchObject({ data: { memberIds: ['client-2'] } }));

  it('refuses a client who is not in the register of the district', () =>
    given().when(openCase({}, [{ clientId: CLIENT_ID, district: '122', erased: false }])).thenThrows(CASEWORK_ERRORS.CLIENT_NOT_REGISTERED, { clientId: CLIENT_ID }));

  it('refuses an erased client and an unknown family member', () => {
    given().when(openCase({}, [{ clientId: CLIENT_ID, district: '121', erased: true }])).thenThrows(CASEWORK_ERRORS.CLIENT_NOT_REGISTERED);
    given().when(openCase({ memberIds: ['nobody'] })).thenThrows(CASEWORK_ERRORS.CLIENT_NOT_REGISTERED, { clientId: 'nobody' });
  });

  it('refuses to open the same case twice', () => given(caseOpened()).when(openCase()).thenThrows(CASEWORK_ERRORS.CASE_ALREADY_OPENED));

  it('refuses an opening date in the future', () =>
    given().when(openCase({ openedOn: '2025-03-11' })).thenThrows(CASEWORK_ERRORS.DATE_IN_FUTURE, { field: 'openedOn' }));
});

describe('problem definition in three voices', () => {
  const voices = { presented: 'Nincs pénzünk', workerDefinition: 'Adósságcsapda', agreed: 'Hátralék rendezése' };

  it('records the codes in data and the three voices under the client subject', () => {
    const [event] = given(caseOpened()).when(cmd('DefineProblem', { definedOn: '2025-03-02', problemTypes: ['5', '2.1'], ...voices })).events();
    expect(event).toMatchObject({ data: { problemTypes: ['5', '2.1'] }, personal: { [CLIENT_ID]: voices } });
  });

  it('takes problem types from the shared code list only', () =>
    given(caseOpened())
      .when(cmd('DefineProblem', { definedOn: '2025-03-02', problemTypes: ['99'], ...voices }))
      .thenThrows(CASEWORK_ERRORS.UNKNOWN_CODE, { field: 'problemTypes[0]', list: 'problemType' }));

  it('needs the jointly agreed problem', () =>
    given(caseOpened())
      .when(cmd('DefineProblem', { definedOn: '2025-03-02', problemTypes: ['5'], ...voices, agreed: ' ' }))
      .thenThrows(CASEWORK_ERRORS.MISSING_FIELD, { field: 'agreed' }));

  it('refuses an entry dated before the case was opened', () =>
    given(caseOpened())
      .when(cmd('DefineProblem', { definedOn: '2025-02-28', problemTypes: ['5'], ...voices }))
      .thenThrows(CASEWORK_ERRORS.DATE_BEFORE_OPENING));
});

describe('action plan goals', () => {
  const goal = { goalId: 'goal-1', term: 'short' as const, deadline: '2025-04-01', responsible: 'worker-1', goal: 'Lakhatás rendezése', means: 'Hátralékkezelés' };

  it('sets a goal with means, deadline and responsible, dated today', () =>
    given(caseOpened()).when(cmd('SetGoal', goal)).then(goalSet('goal-1', '2025-04-01', '2025-03-10')));

  it('refuses a deadline in the past', () =>
    given(caseOpened()).when(cmd('SetGoal', { ...goal, deadline: '2025-03-09' })).thenThrows(CASEWORK_ERRORS.DEADLINE_IN_PAST));

  it('refuses the same goal twice', () => given(caseOpened(), goalSet()).when(cmd('SetGoal', goal)).thenThrows(CASEWORK_ERRORS.GOAL_ALREADY_SET));

  it('evaluates no goal before it exists', () =>
    given(caseOpened())
      .when(cmd('EvaluateGoal', { goalId: 'goal-1', evaluatedOn: '2025-03-10', achieved: true, why: 'Rendezve' }))
      .thenThrows(CASEWORK_ERRORS.GOAL_NOT_FOUND, { goalId: 'goal-1' }));

  it('moves the deadline of a goal not achieved, and closes an achieved one for good', () => {
    const late = cmd('EvaluateGoal', { goalId: 'goal-1', evaluatedOn: '2025-03-10', achieved: false, why: 'Beteg volt', newDeadline: '2025-05-01' });
    const state = given(caseOpened(), goalSet()).when(late).state() as OpenedCase;
    expect(state.goals['goal-1']).toMatchObject({ status: 'open', deadline: '2025-05-01' });
    const done = cmd('EvaluateGoal', { goalId: 'goal-1', evaluatedOn: '2025-03-10', achieved: true, why: 'Rendezve' });
    const achieved = given(caseOpened(), goalSet()).when(done).events()[0];
    given(caseOpened(), goalSet(), achieved as never).when(done).thenThrows(CASEWORK_ERRORS.GOAL_ALREADY_ACHIEVED);
  });
});

describe('agreement and measures', () => {
  const agreement = { agreementId: 'agr-1', signedOn: '2025-03-03', expectedCompletion: '2025-06-30', signature: 'paper_scan' as const, workerUndertakings: 'Ügyintézés', clientUndertakings: 'Megjelenés' };

  it('records the undertakings and how the signature was captured', () => given(caseOpened()).when(cmd('SignAgreement', agreement)).then(agreementSigned()));

  it('refuses an unknown signature capture', () =>
    given(caseOpened()).when(cmd('SignAgreement', { ...agreement, signature: 'fax' as never })).thenThrows(CASEWORK_ERRORS.INVALID_FIELD, { field: 'signature' }));

  it('records dated measures, with the case-handling code and the next meeting', () =>
    expect(
      given(caseOpened()).when(cmd('RecordMeasure', { measureId: 'm-1', date: '2025-03-04', kind: 'CSL', nextMeetingOn: '2025-03-20', description: 'Családlátogatás' })).state(),
    ).toMatchObject({ entryIds: ['m-1'], nextMeetingOn: '2025-03-20' }));

  it('refuses a measure id twice', () => {
    const m = cmd('RecordMeasure', { measureId: 'm-1', date: '2025-03-04', description: 'x' });
    const [first] = given(caseOpened()).when(m).events();
    given(caseOpened(), first as never).when(m).thenThrows(CASEWORK_ERRORS.ENTRY_ALREADY_RECORDED);
  });
});

describe('supervision, handover, closing and reopening', () => {
  it('lets only a head check the case, recording the checker', () => {
    given(caseOpened()).when(cmd('CheckCase', { checkedOn: '2025-03-10', remarks: '' })).thenThrows(PLATFORM_ERRORS.FORBIDDEN);
    expect(given(caseOpened()).when(cmd('CheckCase', { checkedOn: '2025-03-10', remarks: 'Rendben' }, meta('head', 'head-1'))).events()[0]).toMatchObject({
      data: { checkerId: 'head-1', checkedOn: '2025-03-10' },
    });
  });

  it('hands the case over with the reason, and not to the same worker', () => {
    expect(given(caseOpened()).when(cmd('HandOverCase', { toWorkerId: 'worker-2', handedOverOn: '2025-03-10', reason: 'Tartós távollét' })).state()).toMatchObject({
      responsibleWorkerId: 'worker-2',
    });
    given(caseOpened()).when(cmd('HandOverCase', { toWorkerId: 'worker-1', handedOverOn: '2025-03-10', reason: 'x' })).thenThrows(CASEWORK_ERRORS.SAME_WORKER);
  });

  it('closes with the reason', () => given(caseOpened()).when(cmd('CloseCase', { closedOn: '2025-03-05', reason: 'A megállapodás teljesült.' })).then(caseClosed()));

  it('refuses to close an already closed case', () =>
    given(caseOpened(), caseClosed()).when(cmd('CloseCase', { closedOn: '2025-03-06', reason: 'x' })).thenThrows(CASEWORK_ERRORS.CASE_NOT_OPEN, { caseId: CASE_ID }));

  it('refuses entries on a closed case until it is reopened', () => {
    given(caseOpened(), caseClosed()).when(cmd('RecordMeasure', { measureId: 'm-9', date: '2025-03-06', description: 'x' })).thenThrows(CASEWORK_ERRORS.CASE_NOT_OPEN);
    expect(given(caseOpened(), caseClosed()).when(cmd('ReopenCase', { reopenedOn: '2025-03-08', reason: 'Új probléma' })).state()).toMatchObject({ status: 'open' });
  });

  it('reopens only a closed case, not before it was closed', () => {
    given(caseOpened()).when(cmd('ReopenCase', { reopenedOn: '2025-03-08', reason: 'x' })).thenThrows(CASEWORK_ERRORS.CASE_NOT_CLOSED);
    given(caseOpened(), caseClosed()).when(cmd('ReopenCase', { reopenedOn: '2025-03-04', reason: 'x' })).thenThrows(CASEWORK_ERRORS.DATE_BEFORE_OPENING);
  });

  it('answers a case of another district as not found', () =>
    given(caseOpened())
      .when(cmd('CloseCase', { closedOn: '2025-03-05', reason: 'x' }, { ...meta(), district: '122' as never }))
      .thenThrows(CASEWORK_ERRORS.CASE_NOT_FOUND));
});

describe('aktív korúak (63/2006. Korm. r. 17. §)', () => {
  const aa = caseOpened({ registeredOn: '2025-01-02' });

  it('agrees the integration programme once, on an active-age case only', () => {
    const programme = cmd('SignAgreement', { agreementId: 'agr-1', signedOn: '2025-03-03', expectedCompletion: '2025-06-30', signature: 'tablet', workerUndertakings: 'a', clientUndertakings: 'b', integrationProgramme: true });
    given(caseOpened()).when(programme).thenThrows(CASEWORK_ERRORS.NOT_ACTIVE_AGE_CASE);
    expect(given(aa).when(programme).state()).toMatchObject({ activeAge: { programmeAgreedOn: '2025-03-03' } });
    given(aa, agreementSigned(true)).when({ ...programme, data: { ...programme.data, agreementId: 'agr-2' } } as never).thenThrows(CASEWORK_ERRORS.PROGRAMME_ALREADY_AGREED);
  });

  it('records meetings and notices only after the programme', () => {
    given(aa).when(cmd('RecordPersonalMeeting', { heldOn: '2025-03-05', notes: 'x' })).thenThrows(CASEWORK_ERRORS.PROGRAMME_NOT_AGREED);
    expect(given(aa, agreementSigned(true)).when(cmd('RecordPersonalMeeting', { heldOn: '2025-03-05', notes: 'x' })).state()).toMatchObject({
      activeAge: { lastMeetingOn: '2025-03-05' },
    });
    expect(given(aa, agreementSigned(true)).when(cmd('NotifyCooperationBreach', { notifiedOn: '2025-03-06', recipient: 'jegyzo', facts: 'Nem jelent meg.' })).events()[0]).toMatchObject({
      data: { recipient: 'jegyzo' },
    });
  });
});
