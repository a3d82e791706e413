/** Járás — a district, the tenant; identified by its 3-digit KSH code (e.g. "121", Szécsényi járás). */
export type DistrictCode = string & { readonly __brand: 'DistrictCode' };
/** Település — a settlement, the sub-scope; identified by its 5-digit KSH code. */
export type SettlementCode = string & { readonly __brand: 'SettlementCode' };

export const isDistrictCode = (v: unknown): v is DistrictCode => typeof v === 'string' && /^\d{3}$/.test(v);
export const isSettlementCode = (v: unknown): v is SettlementCode => typeof v === 'string' && /^\d{5}$/.test(v);
