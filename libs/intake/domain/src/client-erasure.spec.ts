import { type EraseClient, INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { type CommandMeta, PLATFORM_ERRORS, type SettlementCode } from '@kapocs/shared/kernel';
import { deciderSpec } from '@kapocs/shared/testing';
import { clientDecider } from './client.decider.js';
import { CLIENT_ID, clientRegistered, meta } from './intake.fixtures.js';

const { given } = deciderSpec(clientDecider);
const asHead: CommandMeta = { ...meta(), actor: { ...meta().actor, role: 'head' } };
const erase = (m = asHead): EraseClient => ({ type: 'EraseClient', data: { clientId: CLIENT_ID }, meta: m });
const erased = { type: 'intake.ClientErased', schemaVersion: 1, data: { clientId: CLIENT_ID, district: asHead.district, site: '25496' as SettlementCode, erasedOn: '2025-03-10' } } as const;

describe('EraseClient', () => {
  it('records the erasure of a registered client, with no personal data on the event', () => {
    const [event] = given(clientRegistered()).when(erase()).events();
    expect(event).toMatchObject({ type: 'intake.ClientErased', data: { clientId: CLIENT_ID } });
    expect(event?.personal).toBeUndefined();
  });

  it('lets only a head erase', () => given(clientRegistered()).when(erase(meta())).thenThrows(PLATFORM_ERRORS.FORBIDDEN));

  it('treats an erased client as not found for every later command', () =>
    given(clientRegistered(), erased).when(erase()).thenThrows(INTAKE_ERRORS.CLIENT_NOT_FOUND));

  it('drops the personal data from the state', () =>
    expect(given(clientRegistered()).when(erase()).state()).not.toHaveProperty('personal'));
});
