import { type CodeListName, type ContactLogged, INTAKE_REFERENCE_CODES, isValidCode } from '@kapocs/intake/contracts';
import { isValidTaj } from '@kapocs/intake/domain';
import type { NewEvent } from '@kapocs/platform/event-store';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { Prng } from './prng.js';
import { siteBatches } from './site-batches.js';
import { CONTACTS_PER_CLIENT, CONTACTS_PER_INHABITANT, planSite, type SitePlan } from './site-plan.js';
import { siteSpecs } from './seed.js';

const gazetteer = loadGazetteer();
const plans = (seed: number, district = '121', year = 2025): SitePlan[] =>
  siteSpecs(gazetteer, [district], seed, year).map(planSite);
const eventsOf = (seed: number, district = '121'): NewEvent[] =>
  plans(seed, district).flatMap((p) => [...siteBatches(p, seed, 400).batches].flat().flatMap((r) => r.events));

describe('demo data generator', () => {
  it('is deterministic: the same seed gives byte-identical events, ids included', () => {
    const a = JSON.stringify(eventsOf(7).slice(0, 2000));
    const b = JSON.stringify(eventsOf(7).slice(0, 2000));
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(100_000);
  });

  it('orders contact streams by date, so the store (which appends a batch in stream-id order) keeps date order', () => {
    for (const plan of plans(3).slice(0, 3)) {
      const contacts = [...siteBatches(plan, 3, 400).batches]
        .flatMap((batch) => [...batch].sort((x, y) => (x.streamId < y.streamId ? -1 : 1)))
        .flatMap((r) => r.events)
        .filter((e): e is NewEvent & ContactLogged => e.type === 'intake.ContactLogged');
      const dates = contacts.map((e) => (e.data as { date: string }).date);
      expect(contacts.length).toBeGreaterThan(50);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('gives other events and ids for another seed', () => {
    const a = eventsOf(7).slice(0, 50);
    const b = eventsOf(8).slice(0, 50);
    expect(a.map((e) => e.id)).not.toEqual(b.map((e) => e.id));
    expect(JSON.stringify(a.map((e) => e.data))).not.toBe(JSON.stringify(b.map((e) => e.data)));
  });

  it('draws UUIDs of the version-4 shape', () => {
    const rng = new Prng(1);
    for (let i = 0; i < 100; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sizes each district by population: about 3 contacts a year per 10 inhabitants, a client per 4 contacts', () => {
    for (const code of ['121', '001']) {
      const district = gazetteer.district(code);
      if (!district) throw new Error(code);
      const ps = plans(3, code);
      const contacts = ps.reduce((n, p) => n + p.contacts.length, 0);
      const clients = ps.reduce((n, p) => n + p.clients.length, 0);
      const expected = district.population * CONTACTS_PER_INHABITANT;
      expect(Math.abs(contacts - expected) / expected).toBeLessThan(0.02);
      expect(Math.abs(clients - contacts / CONTACTS_PER_CLIENT) / (contacts / CONTACTS_PER_CLIENT)).toBeLessThan(0.05);
      expect(ps).toHaveLength(district.settlements.length);
    }
  });

  it('gives every client a valid TAJ from the fictitious 9… series, unique in the district, or none', () => {
    const clients = plans(5).flatMap((p) => p.clients);
    const tajs = clients.map((c) => c.details.taj).filter((t): t is string => t !== undefined);
    expect(tajs.length).toBeGreaterThan(clients.length * 0.9);
    for (const taj of tajs) {
      expect(isValidTaj(taj)).toBe(true);
      expect(taj.startsWith('9')).toBe(true);
    }
    expect(new Set(tajs).size).toBe(tajs.length);
    expect(clients.every((c) => c.details.mothersName.startsWith('Minta '))).toBe(true);
  });

  it('uses only codes valid on the date of the record', () => {
    const checks: [CodeListName, string, string][] = [];
    for (const p of plans(11)) {
      for (const c of p.clients) {
        const d = c.details;
        const on = c.registeredOn;
        checks.push(['sex', d.sex, on], ['citizenship', d.citizenship, on]);
        for (const [list, v] of [
          ['economicActivity', d.economicActivity],
          ['education', d.education],
          ['familyStatus', d.familyStatus],
          ['householdRelation', d.householdRelation],
        ] as const) {
          if (v !== undefined) checks.push([list, v, on]);
        }
        for (const s of c.otherServices ?? []) checks.push(['basicService', s.service, on]);
      }
      for (const c of p.contacts) {
        if (c.kind === 'group') {
          checks.push(['groupType', c.groupType, c.date]);
          continue;
        }
        checks.push(['contactMode', c.mode, c.date]);
        if (c.referrer) checks.push(['referrer', c.referrer, c.date]);
        for (const v of c.problemTypes) checks.push(['problemType', v, c.date]);
        for (const v of c.caseHandling) checks.push(['caseHandling', v, c.date]);
        for (const v of c.benefits) checks.push(['benefit', v, c.date]);
      }
    }
    expect(checks.length).toBeGreaterThan(30_000);
    const invalid = checks.filter(([list, code, on]) => !isValidCode(list, code, on, INTAKE_REFERENCE_CODES));
    expect(invalid).toEqual([]);
  });

  it('numbers each site register 1, 2, 3… in registration order and writes contacts in date order', () => {
    for (const p of plans(2)) {
      for (const year of [2024, 2025]) {
        const numbers = p.clients.filter((c) => c.registerYear === year).map((c) => c.registerNumber);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
      const logged = [...siteBatches(p, 2, 100).batches]
        .flat()
        .flatMap((r) => r.events)
        .filter((e) => e.type === 'intake.ContactLogged')
        .map((e) => (e.data as ContactLogged['data']).date);
      expect(logged).toEqual([...logged].sort());
    }
  });

  it('follows the reference lists: a code that expired before the year is never drawn', () => {
    const services = plans(4, '121', 2025).flatMap((p) => p.clients.flatMap((c) => c.otherServices ?? []));
    expect(services.length).toBeGreaterThan(0);
    expect(services.some((s) => s.service === 'FAMILY_SUPPORT')).toBe(false);
  });
});

describe('ids at national scale', () => {
  it('never collide between sequences whose random streams overlap', () => {
    // mulberry32 steps its state by a constant: a seed one step ahead replays the same numbers shifted by one. Ids
    // hashed from the sequence label cannot repeat that way.
    const a = new Prng(1000, 'site-a');
    const b = new Prng((1000 + 0x6d2b79f5) >>> 0, 'site-b');
    a.next();
    expect(a.next()).toBe(b.next());
    const ids = new Set([...Array.from({ length: 5000 }, () => a.uuid()), ...Array.from({ length: 5000 }, () => b.uuid())]);
    expect(ids.size).toBe(10_000);
    expect([...ids].every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });
});
