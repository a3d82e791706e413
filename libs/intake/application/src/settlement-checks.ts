import { INTAKE_ERRORS } from '@kapocs/intake/contracts';
import { IntakeError } from '@kapocs/intake/domain';
import { type DistrictCode, isSettlementCode, type SettlementCode } from '@kapocs/shared/kernel';
import type { SettlementDirectory } from './ports.js';

const unknown = (field: string, settlement: string): IntakeError =>
  new IntakeError(INTAKE_ERRORS.UNKNOWN_SETTLEMENT, { field, settlement }, `${field}: settlement ${settlement} unknown here`);

/** The service site must be a settlement of the caller's district; malformed codes are left to the decider. */
export async function requireSiteInDistrict(
  directory: SettlementDirectory,
  site: unknown,
  district: DistrictCode,
): Promise<void> {
  if (isSettlementCode(site) && !(await directory.isSettlementInDistrict(site, district))) throw unknown('site', site);
}

/** Residence and place of stay may be anywhere in the country, but must exist in the gazetteer. */
export async function requireKnownSettlements(
  directory: SettlementDirectory,
  fields: Readonly<Record<string, unknown>>,
): Promise<void> {
  for (const [field, value] of Object.entries(fields)) {
    if (isSettlementCode(value) && !(await directory.isKnownSettlement(value as SettlementCode))) throw unknown(field, value);
  }
}
