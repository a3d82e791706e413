import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

/** Helységnévtár — one settlement of the KSH gazetteer (1 January 2018): reference data, never personal data. */
export interface Settlement {
  readonly code: SettlementCode;
  readonly name: string;
  /** Jogállás: város, község, nagyközség, megyei jogú város, főváros, fővárosi kerület. */
  readonly legalStatus: string;
  readonly county: string;
  readonly districtCode: DistrictCode;
  readonly districtName: string;
  readonly districtSeat: string;
  readonly isDistrictSeat: boolean;
  readonly areaHa: number;
  readonly population: number;
  readonly dwellings: number;
}

/** Járás — a district with its settlements. */
export interface District {
  readonly code: DistrictCode;
  readonly name: string;
  readonly seat: string;
  readonly county: string;
  readonly settlements: readonly Settlement[];
  readonly population: number;
}

export interface Gazetteer {
  readonly settlements: readonly Settlement[];
  readonly districts: readonly District[];
  settlement(code: string): Settlement | undefined;
  district(code: string): District | undefined;
  isSettlementInDistrict(settlement: string, district: string): boolean;
}

/** Splits one CSV line: fields may be double-quoted ("megyeszékhely, megyei jogú város"), quotes doubled inside. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Parses the gazetteer CSV (header row first). */
export function parseGazetteer(csv: string): Gazetteer {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const expected = 'ksh_code,name,legal_status,county,district_code,district_name,district_seat,is_district_seat,area_ha,population,dwellings';
  if (header !== expected) throw new Error('Unexpected gazetteer header');
  const settlements = lines.map((line): Settlement => {
    const f = splitCsvLine(line);
    if (f.length !== 11) throw new Error(`Malformed gazetteer line: ${line.slice(0, 40)}`);
    return {
      code: f[0] as SettlementCode,
      name: f[1] as string,
      legalStatus: f[2] as string,
      county: f[3] as string,
      districtCode: f[4] as DistrictCode,
      districtName: f[5] as string,
      districtSeat: f[6] as string,
      isDistrictSeat: f[7] === 'true',
      areaHa: Number(f[8]),
      population: Number(f[9]),
      dwellings: Number(f[10]),
    };
  });
  const byCode = new Map(settlements.map((s) => [s.code as string, s]));
  const grouped = new Map<string, Settlement[]>();
  // Budapest as a whole has no district of its own (its 23 kerület are the districts).
  for (const s of settlements.filter((x) => x.districtCode !== '')) grouped.set(s.districtCode, [...(grouped.get(s.districtCode) ?? []), s]);
  const districts = [...grouped.entries()]
    .map(([code, members]): District => {
      const first = members[0] as Settlement;
      return {
        code: code as DistrictCode,
        name: first.districtName,
        seat: first.districtSeat,
        county: first.county,
        settlements: members,
        population: members.reduce((n, s) => n + s.population, 0),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const byDistrict = new Map(districts.map((d) => [d.code as string, d]));
  return {
    settlements,
    districts,
    settlement: (code) => byCode.get(code),
    district: (code) => byDistrict.get(code),
    isSettlementInDistrict: (settlement, district) => byCode.get(settlement)?.districtCode === district,
  };
}

let cached: Gazetteer | undefined;

/** The gazetteer shipped with this lib (`data/hu-settlements-2018.csv`), parsed once per process. */
export function loadGazetteer(): Gazetteer {
  if (!cached) {
    // From src/ (tests) or dist/libs/shared/gazetteer/src (build): the CSV sits in the lib's data/ folder.
    const here = dirname(fileURLToPath(import.meta.url));
    const candidates = [join(here, '..', 'data'), join(here, '..', '..', '..', '..', '..', 'libs', 'shared', 'gazetteer', 'data')];
    const dir = candidates.find((d) => {
      try {
        readFileSync(join(d, 'hu-settlements-2018.csv'), { flag: 'r' });
        return true;
      } catch {
        return false;
      }
    });
    if (!dir) throw new Error('Gazetteer CSV not found next to the gazetteer lib');
    cached = parseGazetteer(readFileSync(join(dir, 'hu-settlements-2018.csv'), 'utf8'));
  }
  return cached;
}
