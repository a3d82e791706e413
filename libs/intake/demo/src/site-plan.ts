import type { ClientDetails, ConsentForm, OtherBasicServiceProvider } from '@kapocs/intake/contracts';
import { individualIdOf } from '@kapocs/intake/domain';
import type { Settlement } from '@kapocs/shared/gazetteer';
import type { DistrictCode } from '@kapocs/shared/kernel';
import { workingDays } from './calendar.js';
import { codeTablesFor } from './code-tables.js';
import { planContacts, type PlannedContact } from './contact-plan.js';
import { household, type PeopleContext } from './people.js';
import { deriveSeed, Prng } from './prng.js';
import { demoWorkers } from './workers.js';

/** About 3 contacts a year per 10 inhabitants (issue 4), and a client for every 4 contacts. */
export const CONTACTS_PER_INHABITANT = 0.3;
export const CONTACTS_PER_CLIENT = 4;
/** Share of the year's clients registered the year before (returning clients, not new in the year). */
const RETURNING_SHARE = 0.25;

export interface PlannedClient {
  readonly clientId: string;
  readonly registeredOn: string;
  readonly registerYear: number;
  readonly registerNumber: number;
  readonly individualId: string;
  readonly details: ClientDetails;
  readonly registeredBy: string;
  readonly consent?: { readonly form: ConsentForm; readonly refusesSpecialData: boolean };
  readonly otherServices?: readonly OtherBasicServiceProvider[];
  /** Set by the contact plan: clients with several contacts are taken into service on their first one. */
  serviceStartedOn?: string;
  serviceEndedOn?: string;
}

/** Everything one service site (szolgáltatási hely) gets for one year, in the order it is written. */
export interface SitePlan {
  readonly district: DistrictCode;
  readonly site: Settlement;
  readonly year: number;
  /** Ordered by register year and number: the order the registers were filled in. */
  readonly clients: readonly PlannedClient[];
  /** Ordered by date: the order the forgalmi napló is filled in. */
  readonly contacts: readonly PlannedContact[];
}

export interface SiteSpec {
  readonly seed: number;
  readonly year: number;
  readonly site: Settlement;
  /** The site's position in its district (settlement-code order); part of the demo TAJ numbers. */
  readonly siteIndex: number;
  readonly birthPlaces: readonly string[];
}

export const contactsForPopulation = (population: number): number => Math.round(population * CONTACTS_PER_INHABITANT);

function planClients(spec: SiteSpec, rng: Prng, target: number): PlannedClient[] {
  const { site, year } = spec;
  let tajSerial = 0;
  const ctx: PeopleContext = {
    rng,
    codes: codeTablesFor(year),
    site: site.code,
    siteName: site.name,
    siteIndex: spec.siteIndex,
    year,
    birthPlaces: spec.birthPlaces,
    nextTajSerial: () => tajSerial++,
  };
  const people: ClientDetails[] = [];
  while (people.length < target) {
    for (const m of household(ctx)) if (m.registered && people.length < target) people.push(m.details);
  }
  const workers = demoWorkers(site.districtCode, site.code);
  const drafts = people.map((details) => {
    const registerYear = rng.chance(RETURNING_SHARE) ? year - 1 : year;
    return { details, registerYear, registeredOn: rng.pick(workingDays(registerYear)), clientId: rng.uuid() };
  });
  drafts.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.clientId.localeCompare(b.clientId));
  const serial = new Map<number, number>();
  return drafts.map((d) => {
    const registerNumber = (serial.get(d.registerYear) ?? 0) + 1;
    serial.set(d.registerYear, registerNumber);
    const consent: PlannedClient['consent'] = rng.chance(0.93)
      ? { form: rng.chance(0.8) ? 'written' : 'oral', refusesSpecialData: rng.chance(0.05) }
      : undefined;
    const other = rng.chance(0.2) ? [providerOf(rng, site.name, ctx.codes.table('basicService').draw(rng))] : undefined;
    return {
      ...d,
      registerNumber,
      individualId: individualIdOf(d.registerYear, registerNumber),
      registeredBy: rng.chance(0.85) ? workers.settlementWorker : workers.districtWorker,
      ...(consent ? { consent } : {}),
      ...(other ? { otherServices: other } : {}),
    };
  });
}

const providerOf = (rng: Prng, siteName: string, service: string): OtherBasicServiceProvider => ({
  service,
  providerName: `${siteName} ${rng.pick(['Szociális Szolgáltató Központ', 'Gondozási Központ', 'Alapszolgáltatási Központ'])} (minta)`,
});

/** Plans one site's year; pure and deterministic in (seed, year, site). */
export function planSite(spec: SiteSpec): SitePlan {
  const rng = new Prng(deriveSeed(spec.seed, spec.year, spec.site.code), `${spec.seed}/${spec.year}/${spec.site.code}`);
  const contactTotal = contactsForPopulation(spec.site.population);
  const clientTarget = Math.max(contactTotal > 0 ? 1 : 0, Math.round(contactTotal / CONTACTS_PER_CLIENT));
  const clients = planClients(spec, rng, clientTarget);
  const contacts = planContacts({ rng, year: spec.year, site: spec.site, clients, total: contactTotal });
  return { district: spec.site.districtCode, site: spec.site, year: spec.year, clients, contacts };
}
