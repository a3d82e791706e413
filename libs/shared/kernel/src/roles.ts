import type { DistrictCode, SettlementCode } from './ksh.js';

/**
 * The roles of DESIGN.md §5. Hungarian terms: settlement_worker = családsegítő (szolgálat),
 * district_worker = központ munkatársa, case_manager = esetmenedzser, head = intézményvezető,
 * signal_member = jelzőrendszeri tag, county_analyst = megyei módszertani munkatárs, operator = üzemeltető.
 */
export const ROLES = [
  'settlement_worker',
  'district_worker',
  'case_manager',
  'head',
  'signal_member',
  'county_analyst',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Who acts: taken from the verified bearer token, never from a request body. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly district: DistrictCode;
  /** Settlements the actor may work in; empty for district-wide roles. */
  readonly settlements: readonly SettlementCode[];
  /** Signal-system member organisation, for `signal_member`. */
  readonly organisation?: string;
  /**
   * The person's name from the token's `name` claim, when the issuer sends one. Personal data: never logged, never in
   * event metadata; casework records it encrypted as the staff member's name for the esetnapló (ADR-0007).
   */
  readonly displayName?: string;
}
