import { randomUUID } from 'node:crypto';
import { CASEWORK_ERRORS } from '@kapocs/casework/contracts';
import { localDateOf } from '@kapocs/casework/domain';
import { InMemoryEventStore } from '@kapocs/platform/event-store';
import type { Actor, CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { openCase } from './case-command.handler.js';
import { readCaseLog } from './case-log.query.js';
import type { CaseworkDeps } from './casework-deps.js';
import { type MeasureContactEntry, measureContactId, recordMeasureWithContact } from './record-measure.handler.js';
import { loadStaffName, StaffNames } from './staff-names.js';

const DISTRICT = '121' as DistrictCode;
const SITE = '06628' as SettlementCode;
const now = new Date().toISOString();
const today = localDateOf(now);
const actor: Actor = { userId: 'worker-7', role: 'settlement_worker', district: DISTRICT, settlements: [SITE], displayName: 'Minta Anna' };
const meta: CommandMeta = { now, actor: { userId: actor.userId, role: actor.role }, district: DISTRICT, settlement: SITE, correlationId: 'c' };

async function registered(store: InMemoryEventStore, clientId: string): Promise<void> {
  await store.append(`client-${clientId}`, 'no_stream', [
    {
      id: randomUUID(),
      type: 'intake.ClientRegistered',
      schemaVersion: 1,
      data: { clientId, district: DISTRICT, site: SITE, registeredOn: today, registerYear: 2025, registerNumber: 9, individualId: '25000009', acknowledgedDuplicates: [], birthYear: 1990, sex: '1', citizenship: 'HU' },
      personal: { [clientId]: { name: 'Próba Béla', mothersName: 'Minta Ilona', birthPlace: 'Szécsény', birthDate: '1990-01-01' } },
      metadata: { actor: meta.actor, district: DISTRICT, settlement: SITE, correlationId: 'c' },
    },
  ]);
}

describe('a measure that logs its forgalmi napló entry in one step', () => {
  let deps: CaseworkDeps;
  const clientId = randomUUID();
  const caseId = randomUUID();
  const logged: MeasureContactEntry[] = [];
  const logger = async (entry: MeasureContactEntry) => {
    logged.push(entry);
  };
  const contact = { mode: 'IN_PERSON', problemTypes: ['5'] };
  const measure = (measureId: string, extra: Record<string, unknown> = {}) => ({
    type: 'RecordMeasure' as const,
    data: { caseId, measureId, date: today, kind: 'I', description: 'Családlátogatás', ...extra },
    meta,
  });

  beforeAll(async () => {
    deps = { store: new InMemoryEventStore() };
    await registered(deps.store as InMemoryEventStore, clientId);
    await openCase(deps, { type: 'OpenCase', data: { caseId, site: SITE, clientId, responsibleWorkerId: 'worker-7', openedOn: today }, meta });
  });

  it('derives one stable UUID per measure', () => {
    const id = randomUUID();
    expect(measureContactId(id)).toBe(measureContactId(id));
    expect(measureContactId(id)).not.toBe(measureContactId(randomUUID()));
    expect(measureContactId(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('logs the contact for the case’s client under the derived id, then records the measure naming it', async () => {
    const measureId = randomUUID();
    const r = await recordMeasureWithContact(deps, { ...measure(measureId), expectedVersion: '0' }, contact, logger);
    expect(r.version).toBe('1');
    expect(logged).toEqual([
      { ...contact, contactId: measureContactId(measureId), site: SITE, date: today, clientId, caseWorkerId: 'worker-7', caseHandling: 'I' },
    ]);
    const log = await readCaseLog(deps, caseId, { today });
    expect(log?.log.entries[1]?.data).toMatchObject({ measureId, contactId: measureContactId(measureId) });
  });

  it('logs nothing for a measure the case refuses (the same measure again, a stale version, no kind)', async () => {
    logged.length = 0;
    const again = (await readCaseLog(deps, caseId, { today }))?.log.entries[1]?.data['measureId'] as string;
    await expect(recordMeasureWithContact(deps, measure(again), contact, logger)).rejects.toMatchObject({ code: CASEWORK_ERRORS.ENTRY_ALREADY_RECORDED });
    await expect(recordMeasureWithContact(deps, { ...measure(randomUUID()), expectedVersion: '0' }, contact, logger)).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
    });
    await expect(recordMeasureWithContact(deps, measure(randomUUID(), { kind: undefined }), contact, logger)).rejects.toMatchObject({
      code: CASEWORK_ERRORS.MISSING_FIELD,
    });
    await expect(recordMeasureWithContact(deps, measure(randomUUID(), { contactId: 'x' }), contact, logger)).rejects.toMatchObject({
      code: CASEWORK_ERRORS.INVALID_FIELD,
    });
    expect(logged).toEqual([]);
  });

  it('stores no measure when intake refuses the contact', async () => {
    const refusing = async () => {
      throw Object.assign(new Error('refused'), { code: 'INTAKE_UNKNOWN_CODE' });
    };
    const before = await deps.store.streamVersion(`case-${caseId}`);
    await expect(recordMeasureWithContact(deps, measure(randomUUID()), contact, refusing)).rejects.toMatchObject({ code: 'INTAKE_UNKNOWN_CODE' });
    expect(await deps.store.streamVersion(`case-${caseId}`)).toBe(before);
  });
});

describe('staff names', () => {
  it('records a worker’s name once, again when it changes, and shows it on the esetnapló', async () => {
    const deps: CaseworkDeps = { store: new InMemoryEventStore() };
    const staff = new StaffNames(deps);
    await staff.note(actor, meta);
    await staff.note(actor, meta);
    expect(await deps.store.streamVersion('staff-worker-7')).toBe(0n);
    await new StaffNames(deps).note(actor, meta);
    expect(await deps.store.streamVersion('staff-worker-7')).toBe(0n);
    await staff.note({ ...actor, displayName: 'Minta Anna Mária' }, meta);
    expect(await loadStaffName(deps.store, 'worker-7')).toBe('Minta Anna Mária');
    await staff.note({ ...actor, userId: 'nameless', displayName: undefined } as Actor, meta);
    expect(await deps.store.streamVersion('staff-nameless')).toBe(-1n);

    const clientId = randomUUID();
    const caseId = randomUUID();
    await registered(deps.store as InMemoryEventStore, clientId);
    await openCase(deps, { type: 'OpenCase', data: { caseId, site: SITE, clientId, responsibleWorkerId: 'worker-7', openedOn: today }, meta });
    const log = await readCaseLog(deps, caseId, { today });
    expect(log?.log.cover).toMatchObject({ responsibleWorkerId: 'worker-7', responsibleWorkerName: 'Minta Anna Mária' });
    expect(log?.log.entries[0]?.actorName).toBe('Minta Anna Mária');
  });
});
