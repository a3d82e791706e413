import type { EventStore } from '@kapocs/platform/event-store';
import { type Gazetteer, loadGazetteer, type Settlement } from '@kapocs/shared/gazetteer';
import { siteBatches } from './site-batches.js';
import { planSite, type SiteSpec } from './site-plan.js';

export interface SeedProgress {
  readonly sitesDone: number;
  readonly sitesTotal: number;
  readonly sitesSkipped: number;
  readonly events: number;
  readonly clients: number;
  readonly contacts: number;
}

export interface SeedOptions {
  readonly store: EventStore;
  /** KSH district (járás) codes, e.g. `['121']`. */
  readonly districts: readonly string[];
  readonly seed: number;
  /** The calendar year of the contacts; a quarter of the clients were registered the year before. */
  readonly year: number;
  /** Concurrent `appendMany` writers (each owns whole sites, so counter streams never conflict). Default 4. */
  readonly concurrency?: number;
  /** Streams per `appendMany` call. Default 400. */
  readonly streamsPerBatch?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
  readonly gazetteer?: Gazetteer;
}

export interface SeedResult extends SeedProgress {
  readonly seconds: number;
}

const BIRTH_PLACES = ['Budapest', 'Miskolc', 'Debrecen', 'Szeged', 'Pécs', 'Győr', 'Eger', 'Salgótarján', 'Nyíregyháza'];

/** The service sites of the districts, each with what `planSite` needs; unknown district codes are refused. */
export function siteSpecs(gazetteer: Gazetteer, districts: readonly string[], seed: number, year: number): SiteSpec[] {
  return districts.flatMap((code) => {
    const district = gazetteer.district(code);
    if (!district) throw new Error(`unknown district code ${code}`);
    const sites = [...district.settlements].sort((a, b) => a.code.localeCompare(b.code));
    const birthPlaces = [district.seat, ...BIRTH_PLACES.filter((p) => p !== district.seat)];
    return sites.map((site: Settlement, siteIndex) => ({ seed, year, site, siteIndex, birthPlaces }));
  });
}

/**
 * Writes the generated intake events of the districts through the event store's batch append. Deterministic: the
 * same seed and year give the same events with the same ids, so a re-run appends nothing new (a site whose last
 * stream exists is skipped; a half-written site is completed by idempotent retries of the same batches).
 */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const gazetteer = options.gazetteer ?? loadGazetteer();
  // Largest sites first, so that the writers finish together.
  const specs = siteSpecs(gazetteer, options.districts, options.seed, options.year).sort(
    (a, b) => b.site.population - a.site.population || a.site.code.localeCompare(b.site.code),
  );
  const progress = { sitesDone: 0, sitesTotal: specs.length, sitesSkipped: 0, events: 0, clients: 0, contacts: 0 };
  let next = 0;
  let failed = false;
  const writer = async (): Promise<void> => {
    while (next < specs.length && !failed) {
      const spec = specs[next++] as SiteSpec;
      const site = siteBatches(planSite(spec), options.seed, options.streamsPerBatch ?? 400);
      if ((await options.store.streamVersion(site.lastStreamId)) >= 0n) {
        progress.sitesSkipped++;
      } else {
        try {
          for (const batch of site.batches) await options.store.appendMany(batch);
        } catch (e) {
          failed = true; // the other writers stop after their current site
          throw e;
        }
        progress.events += site.events;
        progress.clients += site.clients;
        progress.contacts += site.contacts;
      }
      progress.sitesDone++;
      options.onProgress?.({ ...progress });
    }
  };
  const writers = Math.max(1, Math.min(options.concurrency ?? 4, specs.length));
  await Promise.all(Array.from({ length: writers }, writer));
  return { ...progress, seconds: (performance.now() - started) / 1000 };
}
