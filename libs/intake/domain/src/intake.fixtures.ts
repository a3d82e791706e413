import type {
  ClientDetails,
  ClientRegistered,
  ContactLogged,
  LogContact,
  RegisterClient,
} from '@kapocs/intake/contracts';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { RegisterClientDecision } from './client-registration.js';
import type { LogContactDecision } from './contact-logging.js';
import type { ClientState } from './client.state.js';

/** Fictitious data for the specs: Szécsényi járás (121), Szécsény (06628); the TAJ passes its check digit. */
export const DISTRICT = '121' as DistrictCode;
export const SITE = '06628' as SettlementCode;
export const OTHER_SITE = '21102' as SettlementCode;
export const NOW = '2025-03-10T09:00:00.000Z';
export const TODAY = '2025-03-10';
export const CLIENT_ID = '0f6d3c1e-2b7a-4c55-9a1e-4b5d6c7e8f90';

export const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => ({
  now: NOW,
  actor: { userId: 'worker-1', role: 'settlement_worker' },
  district: DISTRICT,
  settlement: SITE,
  correlationId: 'corr-1',
  ...overrides,
});

export const details = (overrides: Partial<ClientDetails> = {}): ClientDetails => ({
  name: 'Próba Éva',
  mothersName: 'Minta Ilona',
  birthPlace: 'Szécsény',
  birthDate: '1988-05-17',
  taj: '123456788',
  sex: '2',
  citizenship: 'HU',
  residenceSettlement: SITE,
  residenceAddress: 'Fő utca 1.',
  economicActivity: '2',
  education: '3',
  familyStatus: '3',
  ...overrides,
});

export const registerClient = (
  overrides: Partial<RegisterClient['data']> = {},
  context: Partial<RegisterClientDecision['context']> = {},
  commandMeta: CommandMeta = meta(),
): RegisterClientDecision => ({
  type: 'RegisterClient',
  data: { clientId: CLIENT_ID, site: SITE, details: details(), ...overrides },
  meta: commandMeta,
  context: { register: { site: SITE, year: 2025, lastNumber: 0 }, candidates: [], ...context },
});

export const clientRegistered = (clientId = CLIENT_ID, registeredOn = TODAY): ClientRegistered => ({
  type: 'intake.ClientRegistered',
  schemaVersion: 1,
  data: {
    clientId,
    district: DISTRICT,
    site: SITE,
    registeredOn,
    registerYear: Number(registeredOn.slice(0, 4)),
    registerNumber: 1,
    individualId: `${registeredOn.slice(2, 4)}000001`,
    acknowledgedDuplicates: [],
    birthYear: 1988,
    sex: '2',
    citizenship: 'HU',
    residenceSettlement: SITE,
    economicActivity: '2',
    education: '3',
    familyStatus: '3',
  },
  personal: {
    [clientId]: {
      name: 'Próba Éva',
      mothersName: 'Minta Ilona',
      birthPlace: 'Szécsény',
      birthDate: '1988-05-17',
      taj: '123456788',
      residenceAddress: 'Fő utca 1.',
    },
  },
});

export const CONTACT_ID = '5a0c7d3e-9b1f-4e2a-8c6d-1f2e3d4c5b6a';

export const logContact = (
  overrides: Partial<LogContact['data']> = {},
  client: ClientState | undefined = undefined,
): LogContactDecision => ({
  type: 'LogContact',
  data: {
    contactId: CONTACT_ID,
    site: SITE,
    date: TODAY,
    dutyWorkerId: 'worker-1',
    caseWorkerId: 'worker-2',
    subject: { kind: 'client', clientId: CLIENT_ID },
    mode: 'IN_PERSON',
    referrer: '1',
    problemTypes: ['5', '2.1'],
    crisis: false,
    caseHandling: ['I', 'S'],
    benefits: ['D'],
    description: 'Lakhatási gondok, tájékoztatás.',
    ...overrides,
  },
  meta: meta(),
  context: client ? { client } : {},
});

export const contactLogged = (overrides: Partial<ContactLogged['data']> = {}): ContactLogged => ({
  type: 'intake.ContactLogged',
  schemaVersion: 1,
  data: {
    contactId: CONTACT_ID,
    district: DISTRICT,
    site: SITE,
    year: 2025,
    date: TODAY,
    dutyWorkerId: 'worker-1',
    caseWorkerId: 'worker-2',
    subject: { kind: 'anonymous' },
    newInYear: true,
    newInYearSource: 'derived',
    mode: 'PHONE',
    problemTypes: ['9'],
    crisis: false,
    caseHandling: ['I'],
    benefits: [],
    ...overrides,
  },
  personal: { [CONTACT_ID]: { description: 'Információkérés.' } },
});
