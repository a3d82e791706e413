import type { EventStore } from '@kapocs/platform/event-store';
import type { DistrictCode, Role, SettlementCode } from '@kapocs/shared/kernel';
import { seed, type SeedOptions, type SeedResult } from './seed.js';
import { demoWorkers } from './workers.js';

/** The embedded default's demo district: Szécsényi járás (Nógrád), seat Szécsény. */
export const DEMO_DISTRICT = '121' as DistrictCode;
export const DEMO_SITE = '06628' as SettlementCode;
export const DEMO_SEED = 20_250_121;
/** A fixed, complete past year: the demo data never changes with the calendar, so a restart appends nothing. */
export const DEMO_YEAR = 2025;

/** A demo login of the development issuer: the claims of its token plus a label for the login page. */
export interface DemoLogin {
  readonly sub: string;
  readonly role: Role;
  readonly district: DistrictCode;
  readonly settlements: readonly SettlementCode[];
  readonly organisation?: string;
  /** Fictitious, like every name of the demo data. */
  readonly displayName: string;
}

const workers = demoWorkers(DEMO_DISTRICT, DEMO_SITE);

/** One login per role; the worker ids are the actors of the generated events, so "my entries" show up. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    sub: workers.settlementWorker,
    role: 'settlement_worker',
    district: DEMO_DISTRICT,
    settlements: [DEMO_SITE],
    displayName: 'Minta Anna (családsegítő, Szécsény)',
  },
  { sub: workers.districtWorker, role: 'district_worker', district: DEMO_DISTRICT, settlements: [], displayName: 'Minta Béla (központ)' },
  { sub: workers.caseManager, role: 'case_manager', district: DEMO_DISTRICT, settlements: [], displayName: 'Minta Csilla (esetmenedzser)' },
  { sub: 'demo-head-121', role: 'head', district: DEMO_DISTRICT, settlements: [], displayName: 'Minta Dóra (intézményvezető)' },
  {
    sub: 'demo-signal-121',
    role: 'signal_member',
    district: DEMO_DISTRICT,
    settlements: [DEMO_SITE],
    organisation: 'demo-school-06628',
    displayName: 'Minta Edit (jelzőrendszeri tag, iskola)',
  },
  { sub: 'demo-analyst-nograd', role: 'county_analyst', district: DEMO_DISTRICT, settlements: [], displayName: 'Minta Ferenc (megyei elemző)' },
  { sub: 'demo-operator', role: 'operator', district: DEMO_DISTRICT, settlements: [], displayName: 'Minta Gábor (üzemeltető)' },
];

/**
 * Seeds the Szécsényi járás with a year of demo data, for the embedded default. Idempotent: fixed seed and year give
 * the same event ids, and sites already stored are skipped, so calling it on every start appends nothing new.
 */
export function seedDemoDistrict(
  store: EventStore,
  options: Pick<SeedOptions, 'onProgress' | 'concurrency'> = {},
): Promise<SeedResult> {
  return seed({ store, districts: [DEMO_DISTRICT], seed: DEMO_SEED, year: DEMO_YEAR, ...options });
}
