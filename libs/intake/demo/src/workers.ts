import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

/** Demo user ids (the `sub` of the development issuer's tokens) who appear as actors of generated events. */
export interface DemoWorkers {
  /** Családsegítő of the settlement. */
  readonly settlementWorker: string;
  /** A worker of the district centre (központ). */
  readonly districtWorker: string;
  /** Esetmenedzser: the case-responsible worker of clients in care. */
  readonly caseManager: string;
}

export const demoWorkers = (district: DistrictCode, site: SettlementCode): DemoWorkers => ({
  settlementWorker: `demo-sw-${site}`,
  districtWorker: `demo-dw-${district}`,
  caseManager: `demo-cm-${district}`,
});
