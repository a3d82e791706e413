import { INTAKE_ERRORS, type RegisterClient } from '@kapocs/intake/contracts';
import type { CandidateIdentity } from '@kapocs/intake/domain';
import { collect, InMemoryEventStore, START, WrongExpectedVersionError } from '@kapocs/platform/event-store';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { handleClientCommand, mergeClients } from './client-command.handler.js';
import { handleContactCommand } from './contact-command.handler.js';
import type { IntakeDeps } from './intake-deps.js';
import type { ClientIdentityIndex, SettlementDirectory } from './ports.js';
import { registerClient } from './register-client.handler.js';

const DISTRICT = '121' as DistrictCode;
const SITE = '06628' as SettlementCode;
const meta: CommandMeta = {
  now: '2025-03-10T09:00:00Z',
  actor: { userId: 'worker-1', role: 'settlement_worker' },
  district: DISTRICT,
  correlationId: 'corr-1',
};
/** The gazetteer for these tests: Szécsény and Nagylóc in district 121, Aba elsewhere. */
const settlements: SettlementDirectory = {
  isKnownSettlement: async (s) => ['06628', '21102', '17376'].includes(s),
  isSettlementInDistrict: async (s, d) => d === DISTRICT && ['06628', '21102'].includes(s),
};
const noCandidates: ClientIdentityIndex = { candidates: async () => [] };

let n = 0;
const id = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const depsWith = (store: InMemoryEventStore, identities = noCandidates): IntakeDeps => ({ store, identities, settlements });

const register = (clientId: string, overrides: Partial<RegisterClient['data']['details']> = {}): RegisterClient => ({
  type: 'RegisterClient',
  data: {
    clientId,
    site: SITE,
    details: { name: `Próba ${clientId.slice(-4)}`, mothersName: 'Minta Ilona', birthPlace: 'Szécsény', birthDate: '1990-01-01', sex: '1', citizenship: 'HU', ...overrides },
  },
  meta,
});

describe('registerClient', () => {
  it('appends the client and its register number in one go', async () => {
    const store = new InMemoryEventStore();
    const clientId = id();
    const result = await registerClient(depsWith(store), register(clientId));
    expect(result).toMatchObject({ clientId, registerNumber: 1, individualId: '25000001', version: '0' });
    const [registered] = await collect(store.readStream(`client-${clientId}`));
    expect(registered?.personal[clientId]).toMatchObject({ name: `Próba ${clientId.slice(-4)}` });
    expect(registered?.metadata).toMatchObject({ district: DISTRICT, settlement: SITE, actor: meta.actor });
    expect(await store.streamVersion(`register-${SITE}-2025`)).toBe(0n);
  });

  it('gives concurrent registrations at one site distinct, gap-free numbers', async () => {
    const store = new InMemoryEventStore();
    const results = await Promise.all(Array.from({ length: 8 }, () => registerClient(depsWith(store), register(id()))));
    expect(results.map((r) => r.registerNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const counter = await collect(store.readStream(`register-${SITE}-2025`));
    expect(counter.map((e) => (e.data as { registerNumber: number }).registerNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('reports the counter conflict once the attempts are used up', async () => {
    const store = new InMemoryEventStore();
    const deps = { ...depsWith(store), maxRegisterAttempts: 1 };
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => registerClient(deps, register(id()))));
    expect(outcomes.some((o) => o.status === 'rejected' && o.reason instanceof WrongExpectedVersionError)).toBe(true);
  });

  it('appends nothing when the TAJ is invalid', async () => {
    const store = new InMemoryEventStore();
    await expect(registerClient(depsWith(store), register(id(), { taj: '123456789' }))).rejects.toMatchObject({ code: INTAKE_ERRORS.INVALID_TAJ });
    expect(await store.headCheckpoint()).toBe(START);
  });

  it('appends nothing for a site outside the district', async () => {
    const store = new InMemoryEventStore();
    await expect(registerClient(depsWith(store), { ...register(id()), data: { ...register(id()).data, site: '17376' as SettlementCode } })).rejects.toMatchObject({
      code: INTAKE_ERRORS.UNKNOWN_SETTLEMENT,
      details: { field: 'site' },
    });
    expect(await store.headCheckpoint()).toBe(START);
  });

  it('refuses a probable duplicate the identity index finds, and appends nothing', async () => {
    const store = new InMemoryEventStore();
    const existing: CandidateIdentity = { clientId: 'c-1', identity: { name: 'Próba Béla', birthDate: '1990-01-01', mothersName: 'MINTA ILONA' } };
    const index: ClientIdentityIndex = { candidates: async () => [existing] };
    await expect(registerClient(depsWith(store, index), register(id(), { name: 'Proba Bela' }))).rejects.toMatchObject({
      code: INTAKE_ERRORS.PROBABLE_DUPLICATE,
      details: { candidates: [{ clientId: 'c-1', reason: 'same_name_birth_date_mother' }] },
    });
    expect(await store.headCheckpoint()).toBe(START);
  });
});

describe('client and contact commands', () => {
  it('refuses a stale If-Match version with WrongExpectedVersionError', async () => {
    const store = new InMemoryEventStore();
    const clientId = id();
    await registerClient(depsWith(store), register(clientId));
    const start = { type: 'StartService', data: { clientId, startedOn: '2025-03-10' }, meta, expectedVersion: '0' } as const;
    await handleClientCommand(depsWith(store), start);
    await expect(
      handleClientCommand(depsWith(store), { type: 'EndService', data: { clientId, endedOn: '2025-03-10' }, meta, expectedVersion: '0' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('lets only one of two concurrent changes based on the same version through', async () => {
    const store = new InMemoryEventStore();
    const clientId = id();
    await registerClient(depsWith(store), register(clientId));
    const outcomes = await Promise.allSettled([
      handleClientCommand(depsWith(store), { type: 'StartService', data: { clientId, startedOn: '2025-03-10' }, meta }),
      handleClientCommand(depsWith(store), { type: 'CorrectClientDetails', data: { clientId, reason: 'x', changes: { education: '3' } }, meta }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(WrongExpectedVersionError) });
  });

  it('logs a contact for a registered client and an anonymous one, each description under its subject', async () => {
    const store = new InMemoryEventStore();
    const clientId = id();
    await registerClient(depsWith(store), register(clientId));
    const base = { site: SITE, date: '2025-03-10', dutyWorkerId: 'worker-1', mode: 'PHONE', problemTypes: ['9'], caseHandling: ['I'], description: 'Rövid leírás.' };
    const [known, anonymous] = [id(), id()];
    await handleContactCommand(depsWith(store), { type: 'LogContact', data: { ...base, contactId: known, subject: { kind: 'client', clientId } }, meta });
    await handleContactCommand(depsWith(store), { type: 'LogContact', data: { ...base, contactId: anonymous, subject: { kind: 'anonymous' } }, meta });
    const [a] = await collect(store.readStream(`contact-${known}`));
    const [b] = await collect(store.readStream(`contact-${anonymous}`));
    expect(a?.personal).toEqual({ [clientId]: { description: 'Rövid leírás.' } });
    expect(a?.data).toMatchObject({ newInYear: true, subject: { individualId: '25000001' } });
    expect(b?.personal).toEqual({ [anonymous]: { description: 'Rövid leírás.' } });
  });

  it('refuses a contact id that is already logged, with the decider’s code, and appends nothing', async () => {
    const store = new InMemoryEventStore();
    const contactId = id();
    const data = { contactId, site: SITE, date: '2025-03-10', dutyWorkerId: 'worker-1', mode: 'PHONE', problemTypes: ['9'], caseHandling: ['I'], subject: { kind: 'anonymous' } } as const;
    await handleContactCommand(depsWith(store), { type: 'LogContact', data, meta });
    await expect(handleContactCommand(depsWith(store), { type: 'LogContact', data, meta })).rejects.toMatchObject({
      code: INTAKE_ERRORS.CONTACT_ALREADY_LOGGED,
    });
    expect(await store.streamVersion(`contact-${contactId}`)).toBe(0n);
  });

  it('refuses a new contact at a site outside the district, and appends nothing', async () => {
    const store = new InMemoryEventStore();
    const contactId = id();
    const data = { contactId, site: '17376' as SettlementCode, date: '2025-03-10', dutyWorkerId: 'worker-1', mode: 'PHONE', problemTypes: ['9'], caseHandling: ['I'], subject: { kind: 'anonymous' } } as const;
    await expect(handleContactCommand(depsWith(store), { type: 'LogContact', data, meta })).rejects.toMatchObject({
      code: INTAKE_ERRORS.UNKNOWN_SETTLEMENT,
    });
    expect(await store.headCheckpoint()).toBe(START);
  });

  it('still decides on a shredded client, whose personal data is gone but whose codes remain', async () => {
    const store = new InMemoryEventStore();
    const clientId = id();
    await registerClient(depsWith(store), register(clientId));
    await store.shred(clientId);
    await handleClientCommand(depsWith(store), { type: 'StartService', data: { clientId, startedOn: '2025-03-10' }, meta });
    expect(await store.streamVersion(`client-${clientId}`)).toBe(1n);
  });

  it('merges two clients, appending to both streams at once', async () => {
    const store = new InMemoryEventStore();
    const [survivorId, mergedClientId] = [id(), id()];
    await registerClient(depsWith(store), register(survivorId));
    await registerClient(depsWith(store), register(mergedClientId));
    await mergeClients(depsWith(store), { type: 'MergeClients', data: { survivorId, mergedClientId, reason: 'azonos' }, meta });
    const [last] = await collect(store.readStream(`client-${mergedClientId}`, { direction: 'backwards', maxCount: 1 }));
    expect(last).toMatchObject({ type: 'intake.ClientMergedInto', data: { survivorId } });
    await expect(
      handleClientCommand(depsWith(store), { type: 'StartService', data: { clientId: mergedClientId, startedOn: '2025-03-10' }, meta }),
    ).rejects.toMatchObject({ code: INTAKE_ERRORS.CLIENT_MERGED, details: { survivorId } });
  });
});
