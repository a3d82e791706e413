import { randomUUID } from 'node:crypto';
import { SIGNALS_ERRORS, type SubmitSignalData } from '@kapocs/signals/contracts';
import { InMemoryEventStore } from '@kapocs/platform/event-store';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { handleMemberCommand } from './member-command.handler.js';
import { randomReference, type SignalsDeps } from './signals-deps.js';
import { submitSignal } from './submit-signal.handler.js';
import { handleTriage } from './triage.handler.js';

const DISTRICT = '130' as DistrictCode;
const SITE = '12345' as SettlementCode;
const metaOf = (userId: string, role: CommandMeta['actor']['role']): CommandMeta => ({ now: new Date().toISOString(), actor: { userId, role }, district: DISTRICT, correlationId: 'c' });
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' }).format(new Date());

describe('signals handlers on the in-memory store', () => {
  const store = new InMemoryEventStore();
  const deps: SignalsDeps = { store };
  const organisationId = randomUUID();
  const form = (signalId: string): Omit<SubmitSignalData, 'reference'> => ({
    signalId,
    settlement: SITE,
    source: 'portal',
    channel: 'PORTAL',
    organisationId,
    subjectKind: 'child',
    categories: ['NEGLECT'],
    urgency: 'normal',
    personal: { subject: {}, observed: 'Éhesen érkezik.' },
  });

  beforeAll(async () => {
    await handleMemberCommand(deps, {
      type: 'RegisterMember',
      data: { organisationId, settlements: [SITE], category: 'SCHOOL', name: 'Iskola', contactPerson: { name: 'Kovács Anna' }, portalUsers: [{ userId: 'teacher', name: 'Tanár' }] },
      meta: metaOf('head', 'head'),
    });
  });

  it('answers a retry of the same submission with the first receipt, and refuses other content under the id', async () => {
    const signalId = randomUUID();
    const command = { type: 'SubmitSignal' as const, data: form(signalId), meta: metaOf('teacher', 'signal_member') };
    const [a, b] = await Promise.all([submitSignal(deps, command), submitSignal(deps, command)]);
    expect(b.reference).toBe(a.reference);
    expect(await store.streamVersion(`signal-${signalId}`)).toBe(0n);
    await expect(submitSignal(deps, { ...command, data: { ...command.data, categories: ['HOUSING'] } })).rejects.toMatchObject({ code: SIGNALS_ERRORS.SIGNAL_ID_CONFLICT });
  });

  it('takes the member category from the register and refuses a non-portal user', async () => {
    const signalId = randomUUID();
    await submitSignal(deps, { type: 'SubmitSignal', data: form(signalId), meta: metaOf('teacher', 'signal_member') });
    const events = [];
    for await (const e of store.readStream(`signal-${signalId}`)) events.push(e);
    expect(events[0]?.data).toMatchObject({ memberCategory: 'SCHOOL', organisationId });
    await expect(submitSignal(deps, { type: 'SubmitSignal', data: form(randomUUID()), meta: metaOf('intruder', 'signal_member') })).rejects.toMatchObject({
      code: SIGNALS_ERRORS.NOT_A_PORTAL_USER,
    });
  });

  it('links a signal only to a registered client', async () => {
    const signalId = randomUUID();
    await submitSignal(deps, { type: 'SubmitSignal', data: form(signalId), meta: metaOf('teacher', 'signal_member') });
    await expect(handleTriage(deps, { type: 'LinkSignalToClient', data: { signalId, clientId: randomUUID() }, meta: metaOf('w', 'district_worker') })).rejects.toMatchObject({
      code: SIGNALS_ERRORS.CLIENT_NOT_REGISTERED,
    });
    const measure = await handleTriage(deps, { type: 'RecordSignalMeasure', data: { signalId, measureId: randomUUID(), kind: 'FIRST_CONTACT', date: today }, meta: metaOf('w', 'district_worker') });
    expect(measure.version).toBe('1');
  });

  it('makes references of the unambiguous alphabet, different every time', () => {
    const refs = new Set(Array.from({ length: 200 }, randomReference));
    expect(refs.size).toBe(200);
    for (const r of refs) expect(r).toMatch(/^J-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });
});
