import { INTAKE_ERRORS, isValidCode, type MergeClients } from '@kapocs/intake/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { clientDecider } from './client.decider.js';
import type { ClientState } from './client.state.js';
import { streamIdOf } from './event-streams.js';
import { CLIENT_ID, clientRegistered, meta } from './intake.fixtures.js';

const { given } = deciderSpec(clientDecider);
const MERGED = '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4';
const fold = (...events: Parameters<typeof clientDecider.evolve>[1][]): ClientState =>
  events.reduce(clientDecider.evolve, clientDecider.initialState());

const merge = (merged: ClientState, mergedClientId = MERGED): MergeClients & { context: { merged: ClientState } } => ({
  type: 'MergeClients',
  data: { survivorId: CLIENT_ID, mergedClientId, reason: 'azonos személy' },
  meta: meta(),
  context: { merged },
});
const mergedInto = { type: 'intake.ClientMergedInto', schemaVersion: 1, data: { clientId: MERGED, survivorId: CLIENT_ID, mergedOn: '2025-03-10' } } as const;

describe('MergeClients', () => {
  it('appends ClientsMerged to the survivor and ClientMergedInto to the merged client', () => {
    const events = given(clientRegistered()).when(merge(fold(clientRegistered(MERGED)))).events();
    expect(events.map((e) => [e.type, streamIdOf(e)])).toEqual([
      ['intake.ClientsMerged', `client-${CLIENT_ID}`],
      ['intake.ClientMergedInto', `client-${MERGED}`],
    ]);
    expect(events[0]?.personal?.[CLIENT_ID]).toEqual({ reason: 'azonos személy' });
  });

  it('remembers the absorbed client on the survivor', () =>
    expect(given(clientRegistered()).when(merge(fold(clientRegistered(MERGED)))).state()).toMatchObject({ absorbed: [MERGED] }));

  it('refuses to merge a client with itself', () =>
    given(clientRegistered()).when(merge(fold(clientRegistered()), CLIENT_ID)).thenThrows(INTAKE_ERRORS.CANNOT_MERGE_WITH_ITSELF));

  it('refuses to merge a client that was already merged, naming its survivor', () =>
    given(clientRegistered())
      .when(merge(fold(clientRegistered(MERGED), mergedInto)))
      .thenThrows(INTAKE_ERRORS.CLIENT_MERGED, { clientId: MERGED, survivorId: CLIENT_ID }));

  it('refuses a merge into an unregistered survivor', () =>
    given().when(merge(fold(clientRegistered(MERGED)))).thenThrows(INTAKE_ERRORS.CLIENT_NOT_FOUND));

  it('refuses a declaration for a merged client', () =>
    given(clientRegistered(MERGED), mergedInto)
      .when({
        type: 'RecordDeclaration',
        data: { clientId: MERGED, declaredOn: '2025-03-10', declaration: { kind: 'data_processing', form: 'oral', purposes: { register: true, disclosureOnRequest: true, specialData: true } } },
        meta: meta(),
      })
      .thenThrows(INTAKE_ERRORS.CLIENT_MERGED));
});

describe('reference codes', () => {
  it('knows 2.1 családon belüli bántalmazás as a problem type', () => expect(isValidCode('problemType', '2.1', '2025-01-01')).toBe(true));
  it('has every legal case-handling column', () =>
    expect(['I', 'UI', 'S', 'T', 'TI', 'E', 'CS', 'P', 'G', 'V', 'CSL', 'UG'].every((c) => isValidCode('caseHandling', c, '2025-01-01'))).toBe(true));
  it('refuses a code outside its validity', () => {
    expect(isValidCode('basicService', 'FAMILY_SUPPORT', '2015-12-31')).toBe(true);
    expect(isValidCode('basicService', 'FAMILY_SUPPORT', '2016-01-01')).toBe(false);
  });
  it('refuses a code of another list', () => expect(isValidCode('benefit', 'IN_PERSON', '2025-01-01')).toBe(false));
});
