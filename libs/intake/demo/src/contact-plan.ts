import type { Settlement } from '@kapocs/shared/gazetteer';
import { workingDays } from './calendar.js';
import { codeTablesFor, type CodeTables } from './code-tables.js';
import { DESCRIPTIONS } from './names.js';
import type { Prng } from './prng.js';
import type { PlannedClient } from './site-plan.js';
import { demoWorkers, type DemoWorkers } from './workers.js';

/** The columns of an individual forgalmi napló entry as generated (see `ContactFields`). */
export interface PlannedIndividual {
  readonly kind: 'client' | 'anonymous';
  readonly contactId: string;
  readonly date: string;
  readonly clientId?: string;
  readonly dutyWorkerId: string;
  readonly caseWorkerId?: string;
  readonly mode: string;
  readonly referrer?: string;
  readonly problemTypes: readonly string[];
  readonly crisis: boolean;
  readonly caseHandling: readonly string[];
  readonly benefits: readonly string[];
  readonly description?: string;
}

export interface PlannedGroup {
  readonly kind: 'group';
  readonly contactId: string;
  readonly date: string;
  readonly dutyWorkerId: string;
  readonly groupType: string;
  readonly participantCount: number;
  readonly newParticipantCount?: number;
  readonly description?: string;
}

export type PlannedContact = PlannedIndividual | PlannedGroup;

interface ContactPlanInput {
  readonly rng: Prng;
  readonly year: number;
  readonly site: Settlement;
  readonly clients: readonly PlannedClient[];
  readonly total: number;
}

const BENEFITS: readonly (readonly string[])[] = [[], ['D'], ['S'], ['D', 'S']];
const BENEFIT_WEIGHTS = [85, 7, 6, 2];

function pickBenefits(rng: Prng): readonly string[] {
  let x = rng.next() * 100;
  for (let i = 0; i < BENEFITS.length; i++) {
    x -= BENEFIT_WEIGHTS[i] as number;
    if (x < 0) return BENEFITS[i] as readonly string[];
  }
  return [];
}

const count = (rng: Prng, two: number, three: number): number => {
  const x = rng.next();
  return x < three ? 3 : x < three + two ? 2 : 1;
};

function individual(
  rng: Prng,
  codes: CodeTables,
  workers: DemoWorkers,
  date: string,
  client: PlannedClient | undefined,
): PlannedIndividual {
  const contactId = rng.uuidAt(date);
  const dutyWorkerId = rng.chance(0.85) ? workers.settlementWorker : workers.districtWorker;
  if (!client) {
    const problemTypes = rng.chance(0.8) ? ['9'] : [codes.table('problemType').draw(rng)];
    const description = rng.chance(0.2) ? rng.pick(DESCRIPTIONS[problemTypes[0] as string] ?? []) : undefined;
    return {
      kind: 'anonymous', contactId, date, dutyWorkerId,
      mode: rng.chance(0.6) ? 'PHONE' : 'IN_PERSON',
      referrer: '1', problemTypes, crisis: false, caseHandling: ['I'], benefits: [],
      ...(description ? { description } : {}),
    };
  }
  const mode = codes.table('contactMode').draw(rng);
  const problemTypes = codes.table('problemType').drawDistinct(rng, count(rng, 0.2, 0.05));
  const caseHandling = codes.table('caseHandling').drawDistinct(rng, count(rng, 0.25, 0.05));
  if (mode === 'FAMILY_VISIT' && !caseHandling.includes('CSL')) caseHandling.push('CSL');
  const inService =
    client.serviceStartedOn !== undefined &&
    date >= client.serviceStartedOn &&
    (client.serviceEndedOn === undefined || date <= client.serviceEndedOn);
  if (date === client.serviceStartedOn && !caseHandling.includes('G')) caseHandling.push('G');
  const referrer = rng.chance(0.95) ? codes.table('referrer').draw(rng) : undefined;
  const description = rng.chance(0.5) ? rng.pick(DESCRIPTIONS[problemTypes[0] as string] ?? []) : undefined;
  return {
    kind: 'client', contactId, date, clientId: client.clientId, dutyWorkerId,
    ...(inService ? { caseWorkerId: workers.caseManager } : {}),
    mode,
    ...(referrer ? { referrer } : {}),
    problemTypes,
    crisis: rng.chance(problemTypes.includes('2.1') ? 0.5 : 0.015),
    caseHandling,
    benefits: pickBenefits(rng),
    ...(description ? { description } : {}),
  };
}

/** Spreads a site's year of contacts over its clients (a few see the service often), anonymous requests and groups. */
export function planContacts({ rng, year, site, clients, total }: ContactPlanInput): PlannedContact[] {
  const codes = codeTablesFor(year);
  const workers = demoWorkers(site.districtCode, site.code);
  const days = workingDays(year);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const groups = total >= 100 ? Math.round(total * 0.01) : total >= 30 ? 1 : 0;
  const anonymous = Math.round(total * 0.1);
  const extra = Math.max(0, total - groups - anonymous - clients.length);

  const firstDay = clients.map((c) => (c.registerYear === year ? (dayIndex.get(c.registeredOn) ?? 0) : rng.int(0, days.length - 1)));
  const visits: number[][] = firstDay.map((d) => [d]);
  // Heavy-tailed intensity: most clients come once or twice, a few families weekly.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < clients.length; i++) cumulative.push((sum += Math.pow(-Math.log(1 - rng.next()), 1.6)));
  for (let k = 0; k < extra && clients.length > 0; k++) {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = clients.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    (visits[lo] as number[]).push(rng.int(firstDay[lo] as number, days.length - 1));
  }
  clients.forEach((c, i) => {
    const v = (visits[i] as number[]).sort((a, b) => a - b);
    if (v.length < 3) return;
    c.serviceStartedOn = days[v[0] as number];
    if (rng.chance(0.25)) c.serviceEndedOn = days[v[v.length - 1] as number];
  });

  const out: PlannedContact[] = [];
  clients.forEach((c, i) => {
    for (const d of visits[i] as number[]) out.push(individual(rng, codes, workers, days[d] as string, c));
  });
  for (let k = 0; k < anonymous; k++) out.push(individual(rng, codes, workers, rng.pick(days), undefined));
  for (let k = 0; k < groups; k++) {
    const participantCount = rng.int(3, 15);
    out.push({
      kind: 'group', ...groupAt(rng, rng.pick(days)), dutyWorkerId: workers.districtWorker,
      groupType: codes.table('groupType').draw(rng), participantCount,
      ...(rng.chance(0.6) ? { newParticipantCount: rng.int(0, Math.min(3, participantCount)) } : {}),
      ...(rng.chance(0.5) ? { description: 'Csoportfoglalkozás a közösségi házban (mintaadat).' } : {}),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.contactId.localeCompare(b.contactId));
}

const groupAt = (rng: Prng, date: string): { contactId: string; date: string } => ({ contactId: rng.uuidAt(date), date });
