import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { CandidateIdentity } from '@kapocs/intake/domain';

/** What the handler knows of the client being registered, to find look-alikes (keys, not shown or logged). */
export interface IdentityProbe {
  readonly taj?: string;
  readonly name: string;
  readonly birthDate: string;
  readonly mothersName: string;
}

/**
 * Query port over the client register read model (implemented by the projector): registered clients of the district
 * that share the TAJ, or the accent-insensitive name key and the birth date. A superset is fine; the domain decides.
 */
export interface ClientIdentityIndex {
  candidates(district: DistrictCode, probe: IdentityProbe): Promise<readonly CandidateIdentity[]>;
}

/** Query port over the KSH gazetteer (Helységnévtár). */
export interface SettlementDirectory {
  isKnownSettlement(settlement: SettlementCode): Promise<boolean>;
  isSettlementInDistrict(settlement: SettlementCode, district: DistrictCode): Promise<boolean>;
}
