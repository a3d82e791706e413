import type { ClientDetails } from '@kapocs/intake/contracts';
import { tajCheckDigit } from '@kapocs/intake/domain';
import type { SettlementCode } from '@kapocs/shared/kernel';
import { dateBefore } from './calendar.js';
import type { CodeTables } from './code-tables.js';
import {
  asciiHandle,
  DEMO_EMAIL_DOMAIN,
  DEMO_MARKER,
  DEMO_STREET,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
} from './names.js';
import { type Prng, Weighted } from './prng.js';

/** Where the people of one site live and how their TAJ numbers are drawn. */
export interface PeopleContext {
  readonly rng: Prng;
  readonly codes: CodeTables;
  readonly site: SettlementCode;
  readonly siteName: string;
  readonly siteIndex: number;
  /** The generated year; ages count back from 1 January of the year before, when returning clients registered. */
  readonly year: number;
  readonly birthPlaces: readonly string[];
  nextTajSerial(): number;
}

/** A household member as registered: details plus whether the register holds them. */
export interface Member {
  readonly details: ClientDetails;
  readonly registered: boolean;
}

type Shape = 'couple_children' | 'couple' | 'single_parent' | 'alone' | 'three_generations';
const SHAPES = new Weighted<Shape>([
  ['couple_children', 35],
  ['single_parent', 25],
  ['alone', 25],
  ['couple', 10],
  ['three_generations', 5],
]);
const FAMILY_STATUS: Readonly<Record<Shape, string>> = {
  couple_children: '1',
  couple: '2',
  single_parent: '3',
  alone: '4',
  three_generations: '5',
};

/** TAJ: 9, the site's index, a permuted serial, the check digit — unique per site, obviously not a real series. */
export function demoTaj(siteIndex: number, serial: number): string {
  const permuted = (serial * 7919 + 12345) % 100_000;
  const firstEight = `9${String(siteIndex % 100).padStart(2, '0')}${String(permuted).padStart(5, '0')}`;
  return `${firstEight}${tajCheckDigit(firstEight)}`;
}

interface PersonSpec {
  readonly sex: '1' | '2';
  readonly age: number;
  readonly family: string;
  readonly relation: string;
  readonly familyStatus: string;
  readonly married?: boolean;
}

function person(ctx: PeopleContext, spec: PersonSpec, householdId: string, address: string): ClientDetails {
  const { rng, codes } = ctx;
  const given = rng.pick(spec.sex === '1' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const maiden = spec.married ? rng.pick(FAMILY_NAMES.filter((f) => f !== spec.family)) : undefined;
  const name = maiden ? `${spec.family}né ${maiden} ${given}` : `${spec.family} ${given}`;
  const adult = spec.age >= 18;
  const economicActivity = !adult ? '4' : spec.age >= 63 ? '3.1' : codes.table('economicActivity').draw(rng);
  const education = spec.age < 6 ? '1' : spec.age < 15 ? '2' : codes.table('education').draw(rng);
  const phone = adult && rng.chance(0.6) ? `+36 30 555 ${String(rng.int(0, 9999)).padStart(4, '0')}` : undefined;
  const email = adult && rng.chance(0.15) ? `${asciiHandle(given, spec.family)}${rng.int(1, 99)}@${DEMO_EMAIL_DOMAIN}` : undefined;
  return {
    name,
    ...(maiden ? { birthName: `${maiden} ${given}` } : {}),
    mothersName: `${DEMO_MARKER} ${rng.pick(FEMALE_GIVEN_NAMES)}`,
    birthPlace: rng.chance(0.5) ? ctx.siteName : rng.pick(ctx.birthPlaces),
    birthDate: dateBefore(ctx.year - 1, spec.age, rng.int(0, 364)),
    ...(rng.chance(0.95) ? { taj: demoTaj(ctx.siteIndex, ctx.nextTajSerial()) } : {}),
    residenceAddress: address,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    sex: spec.sex,
    citizenship: codes.table('citizenship').draw(rng),
    residenceSettlement: ctx.site,
    economicActivity,
    education,
    familyStatus: spec.familyStatus,
    householdId,
    householdRelation: spec.relation,
  };
}

/** One household of a site: members with relations and a shared household id; some of them registered clients. */
export function household(ctx: PeopleContext): Member[] {
  const { rng } = ctx;
  const shape = SHAPES.draw(rng);
  const familyStatus = FAMILY_STATUS[shape];
  const family = rng.pick(FAMILY_NAMES);
  const householdId = rng.uuid();
  const address = `${ctx.siteName}, ${DEMO_STREET} ${rng.int(1, 180)}.`;
  const specs: PersonSpec[] = [];
  const couple = shape === 'couple' || shape === 'couple_children' || shape === 'three_generations';
  const headAge = shape === 'alone' && rng.chance(0.4) ? rng.int(63, 88) : rng.int(22, 62);
  const headSex = couple ? '1' : shape === 'single_parent' ? (rng.chance(0.85) ? '2' : '1') : rng.chance(0.5) ? '1' : '2';
  specs.push({ sex: headSex, age: headAge, family, relation: 'HEAD', familyStatus });
  if (couple) {
    const married = rng.chance(0.6);
    specs.push({
      sex: '2',
      age: Math.max(18, headAge + rng.int(-6, 3)),
      family,
      relation: married ? 'SPOUSE' : 'PARTNER',
      familyStatus,
      married,
    });
  }
  if (shape === 'couple_children' || shape === 'single_parent' || shape === 'three_generations') {
    const children = rng.int(1, 4);
    for (let i = 0; i < children; i++) {
      const age = Math.max(0, Math.min(17, headAge - rng.int(20, 35)));
      specs.push({ sex: rng.chance(0.5) ? '1' : '2', age, family, relation: 'CHILD', familyStatus });
    }
  }
  if (shape === 'three_generations') {
    specs.push({ sex: '2', age: Math.min(95, headAge + rng.int(22, 30)), family, relation: 'PARENT', familyStatus });
  }
  return specs.map((spec, i) => ({
    details: person(ctx, spec, householdId, address),
    registered: i === 0 || rng.chance(spec.relation === 'CHILD' ? 0.35 : 0.4),
  }));
}
