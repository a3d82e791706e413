import { handleMemberCommand, handleTriage, loadMember, loadSignal, type SignalsDeps, submitSignal } from '@kapocs/signals/application';
import type { SignalPersonal, TriageCommand } from '@kapocs/signals/contracts';
import { addDays, localDateOf } from '@kapocs/signals/domain';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

/**
 * The demo member of the embedded default: a school in Szécsény (06628) of the Szécsényi járás (121), with the
 * portal user of the `signal_member` demo login (`DEMO_LOGINS` of `@kapocs/intake/demo`, which this context may not
 * import: the ids are repeated here and a test checks they agree).
 */
export const DEMO_SIGNALS_DISTRICT = '121' as DistrictCode;
export const DEMO_SIGNALS_SITE = '06628' as SettlementCode;
export const DEMO_SCHOOL = {
  organisationId: 'demo-school-06628',
  name: 'Szécsényi Minta Általános Iskola',
  category: 'SCHOOL',
  portalUserId: 'demo-signal-121',
  contactEmail: 'igazgato@szecsenyi-iskola.example',
} as const;
/** The demo settlement worker (`demo-sw-<site>` of the intake demo): the handler of the demo signals. */
export const DEMO_SIGNAL_HANDLER = 'demo-sw-06628';

type Step = 'assign' | 'visit' | 'close';

interface DemoSignal {
  readonly signalId: string;
  readonly reference: string;
  readonly subjectKind: 'child' | 'adult' | 'family';
  readonly categories: readonly string[];
  readonly urgency: 'immediate' | 'normal';
  readonly observedDaysAgo: number;
  readonly personal: SignalPersonal;
  /** Triage steps after the submission, in order: the stream version says how many are done. */
  readonly steps: readonly Step[];
}

const signaller = { name: 'Minta Edit', phone: '+36 30 000 0000' };

/** Four signals of the school in four states; fixed ids and reference numbers, so a restart adds nothing. */
export const DEMO_SIGNALS: readonly DemoSignal[] = [
  {
    signalId: '5e0d0000-0000-4000-8000-000000000001',
    reference: 'J-DEM00-00001',
    subjectKind: 'child',
    categories: ['NEGLECT', 'SCHOOL_ABSENCE'],
    urgency: 'normal',
    observedDaysAgo: 14,
    personal: {
      subject: { name: 'Minta Bence', birthDate: '2014-03-12', address: 'Szécsény, Minta utca 1.' },
      observed: 'Két hete rendszeresen reggeli nélkül, ápolatlanul érkezik, többször hiányzott igazolás nélkül.',
      signaller,
    },
    steps: [],
  },
  {
    signalId: '5e0d0000-0000-4000-8000-000000000002',
    reference: 'J-DEM00-00002',
    subjectKind: 'child',
    categories: ['PHYSICAL_ABUSE'],
    urgency: 'immediate',
    observedDaysAgo: 0,
    personal: {
      subject: { name: 'Minta Luca', birthDate: '2016-09-05', address: 'Szécsény, Minta utca 2.' },
      observed: 'Ma reggel friss zúzódásokkal érkezett a karján, azt mondta, fél hazamenni.',
      signaller,
    },
    steps: ['assign'],
  },
  {
    signalId: '5e0d0000-0000-4000-8000-000000000003',
    reference: 'J-DEM00-00003',
    subjectKind: 'family',
    categories: ['HOUSING'],
    urgency: 'normal',
    observedDaysAgo: 30,
    personal: {
      subject: { name: 'Minta család', address: 'Szécsény, Minta utca 3.' },
      observed: 'A család télen fűtés nélkül él, a gyerekek gyakran betegek.',
      signaller,
    },
    steps: ['assign', 'visit'],
  },
  {
    signalId: '5e0d0000-0000-4000-8000-000000000004',
    reference: 'J-DEM00-00004',
    subjectKind: 'child',
    categories: ['SCHOOL_ABSENCE'],
    urgency: 'normal',
    observedDaysAgo: 21,
    personal: {
      subject: { name: 'Minta Dániel', birthDate: '2012-11-20', address: 'Szécsény, Minta utca 4.' },
      observed: 'Három hete nem jár iskolába, a szülők nem elérhetők.',
      signaller,
    },
    steps: ['assign', 'visit', 'close'],
  },
];

export interface DemoSignalsSeedResult {
  /** Streams appended to by this run (0 on a restart). */
  readonly appended: number;
}

const metaOf = (now: string, actor: CommandMeta['actor']): CommandMeta => ({
  now,
  actor,
  district: DEMO_SIGNALS_DISTRICT,
  settlement: DEMO_SIGNALS_SITE,
  correlationId: 'demo-signals-seed',
});

function triageCommand(step: Step, signalId: string, version: bigint, meta: CommandMeta): TriageCommand {
  const expectedVersion = version.toString();
  const today = localDateOf(meta.now);
  switch (step) {
    case 'assign':
      return { type: 'AssignSignal', data: { signalId, workerId: DEMO_SIGNAL_HANDLER }, meta, expectedVersion };
    case 'visit':
      return {
        type: 'RecordSignalMeasure',
        data: { signalId, measureId: signalId.replace(/0{3}(\d)$/, '100$1'), kind: 'FAMILY_VISIT', date: today, note: 'Családlátogatás: az anya együttműködő.' },
        meta,
        expectedVersion,
      };
    case 'close':
      return { type: 'RecordSignalMeasure', data: { signalId, measureId: signalId.replace(/0{3}(\d)$/, '200$1'), kind: 'CLOSED_HANDLED', date: today }, meta, expectedVersion };
  }
}

/**
 * Seeds the demo school and its signals (embedded default only). Idempotent and resumable: the member is registered
 * when its stream is empty; each signal is submitted when its stream is empty, then the triage steps not yet on its
 * stream are appended at the version read, so two starts at once cannot double anything.
 */
export async function seedDemoSignals(deps: SignalsDeps, now: () => string = () => new Date().toISOString()): Promise<DemoSignalsSeedResult> {
  let appended = 0;
  const member = await loadMember(deps.store, DEMO_SCHOOL.organisationId);
  if (member.state.status === 'none') {
    await handleMemberCommand(deps, {
      type: 'RegisterMember',
      data: {
        organisationId: DEMO_SCHOOL.organisationId,
        settlements: [DEMO_SIGNALS_SITE],
        category: DEMO_SCHOOL.category,
        name: DEMO_SCHOOL.name,
        contactPerson: { name: 'Minta Igazgató', email: DEMO_SCHOOL.contactEmail },
        portalUsers: [{ userId: DEMO_SCHOOL.portalUserId, name: 'Minta Edit' }],
      },
      meta: metaOf(now(), { userId: 'demo-dw-121', role: 'district_worker' }),
    });
    appended++;
  }
  for (const s of DEMO_SIGNALS) {
    let { version } = await loadSignal(deps.store, s.signalId);
    if (version < 0n) {
      const at = now();
      const result = await submitSignal(
        { ...deps, newReference: () => s.reference },
        {
          type: 'SubmitSignal',
          data: {
            signalId: s.signalId,
            settlement: DEMO_SIGNALS_SITE,
            subjectKind: s.subjectKind,
            categories: s.categories,
            ...(s.observedDaysAgo > 0 ? { observedSince: addDays(localDateOf(at), -s.observedDaysAgo) } : {}),
            urgency: s.urgency,
            personal: s.personal,
            source: 'portal',
            channel: 'PORTAL',
            organisationId: DEMO_SCHOOL.organisationId,
          },
          meta: metaOf(at, { userId: DEMO_SCHOOL.portalUserId, role: 'signal_member' }),
        },
      );
      version = BigInt(result.version);
      appended++;
    }
    for (const step of s.steps.slice(Number(version))) {
      const result = await handleTriage(deps, triageCommand(step, s.signalId, version, metaOf(now(), { userId: DEMO_SIGNAL_HANDLER, role: 'settlement_worker' })));
      version = BigInt(result.version);
    }
  }
  return { appended };
}
