import { randomUUID } from 'node:crypto';
import { CASEWORK_ERRORS } from '@kapocs/casework/contracts';
import { addDays, localDateOf } from '@kapocs/casework/domain';
import { InMemoryEventStore, WrongExpectedVersionError } from '@kapocs/platform/event-store';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { handleCaseCommand, openCase } from './case-command.handler.js';
import type { CaseworkDeps } from './casework-deps.js';
import { readCaseLog } from './case-log.query.js';

const DISTRICT = '121' as DistrictCode;
const SITE = '06628' as SettlementCode;
const now = new Date().toISOString();
const today = localDateOf(now);
const meta: CommandMeta = { now, actor: { userId: 'worker-1', role: 'settlement_worker' }, district: DISTRICT, settlement: SITE, correlationId: 'c' };
const eventMeta = { actor: meta.actor, district: DISTRICT, settlement: SITE, correlationId: 'c' };

/** A client as intake records it: `intake.ClientRegistered` with the identity under the client subject. */
async function registered(store: InMemoryEventStore, clientId: string, overrides: Record<string, unknown> = {}, name = 'Próba Éva'): Promise<void> {
  await store.append(`client-${clientId}`, 'no_stream', [
    {
      id: randomUUID(),
      type: 'intake.ClientRegistered',
      schemaVersion: 1,
      data: { clientId, district: DISTRICT, site: SITE, registeredOn: today, registerYear: 2025, registerNumber: 7, individualId: '25000007', acknowledgedDuplicates: [], birthYear: 1988, sex: '2', citizenship: 'HU', economicActivity: '2', ...overrides },
      personal: { [clientId]: { name, mothersName: 'Minta Ilona', birthPlace: 'Szécsény', birthDate: '2015-01-01', residenceAddress: 'Fő utca 1.' } },
      metadata: eventMeta,
    },
  ]);
}

describe('casework handlers on the in-memory store', () => {
  let deps: CaseworkDeps;
  let store: InMemoryEventStore;
  const clientId = randomUUID();
  const caseId = randomUUID();
  beforeAll(async () => {
    store = new InMemoryEventStore();
    deps = { store };
    await registered(store, clientId, { residenceSettlement: SITE });
    await registered(store, `${clientId}-child`, { householdRelation: 'CHILD' }, 'Próba Kis Anna');
  });

  it('opens a case for a registered client and refuses an unknown one', async () => {
    const r = await openCase(deps, { type: 'OpenCase', data: { caseId, site: SITE, clientId, memberIds: [`${clientId}-child`], responsibleWorkerId: 'worker-1', openedOn: today }, meta });
    expect(r).toMatchObject({ caseId, version: '0' });
    await expect(
      openCase(deps, { type: 'OpenCase', data: { caseId: randomUUID(), site: SITE, clientId: randomUUID(), responsibleWorkerId: 'worker-1', openedOn: today }, meta }),
    ).rejects.toMatchObject({ code: CASEWORK_ERRORS.CLIENT_NOT_REGISTERED });
  });

  it('refuses a stale If-Match version before deciding', async () => {
    const command = { type: 'RecordMeasure' as const, data: { caseId, measureId: randomUUID(), date: today, description: 'Telefon' }, meta };
    expect(await handleCaseCommand(deps, { ...command, expectedVersion: '0' })).toMatchObject({ version: '1' });
    await expect(handleCaseCommand(deps, { ...command, data: { ...command.data, measureId: randomUUID() }, expectedVersion: '0' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('builds the esetnapló with the cover page from the register, and nothing as of the day before', async () => {
    const result = await readCaseLog(deps, caseId, { today });
    expect(result?.log.cover).toMatchObject({ name: 'Próba Éva', birthYear: 1988, individualId: '25000007', registerNumber: 7, residence: `${SITE} Fő utca 1.`, careStartedOn: today });
    expect(result?.log.cover.children).toEqual([{ clientId: `${clientId}-child`, name: 'Próba Kis Anna', age: expect.any(Number) }]);
    expect(result?.log.entries.map((e) => e.type)).toEqual(['casework.CaseOpened', 'casework.MeasureRecorded']);
    expect(result?.log.entries[1]?.texts).toEqual({ description: 'Telefon' });
    expect(await readCaseLog(deps, caseId, { today, asOf: addDays(today, -1) })).toBeUndefined();
  });

  it('shows neither identity nor texts once the client is erased and shredded', async () => {
    await store.append(`client-${clientId}`, 0n, [
      { id: randomUUID(), type: 'intake.ClientErased', schemaVersion: 1, data: { clientId, district: DISTRICT, site: SITE, erasedOn: today }, metadata: eventMeta },
    ]);
    await store.shred(clientId);
    const result = await readCaseLog(deps, caseId, { today });
    expect(result?.log.cover).toMatchObject({ erased: true, birthYear: 1988 });
    expect(result?.log.cover.name).toBeUndefined();
    expect(result?.log.entries[1]?.texts).toBeUndefined();
  });
});
