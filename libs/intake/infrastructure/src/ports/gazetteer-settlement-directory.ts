import type { SettlementDirectory } from '@kapocs/intake/application';
import { type Gazetteer, loadGazetteer } from '@kapocs/shared/gazetteer';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

/** The settlement directory over the KSH gazetteer shipped with the code (reference data, loaded once). */
export class GazetteerSettlementDirectory implements SettlementDirectory {
  constructor(private readonly gazetteer: Gazetteer = loadGazetteer()) {}

  async isKnownSettlement(settlement: SettlementCode): Promise<boolean> {
    return this.gazetteer.settlement(settlement) !== undefined;
  }

  async isSettlementInDistrict(settlement: SettlementCode, district: DistrictCode): Promise<boolean> {
    return this.gazetteer.isSettlementInDistrict(settlement, district);
  }
}
