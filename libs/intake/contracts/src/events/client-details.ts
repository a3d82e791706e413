import type { SettlementCode } from '@kapocs/shared/kernel';

/**
 * Personal fields of a client (Szt. 18. § a), c), h): természetes személyazonosító adatok, lakó- és tartózkodási
 * hely, TAJ szám) and contact details. Always in `personal[clientId]`, never in `data`. Dates are ISO `YYYY-MM-DD`.
 */
export interface ClientPersonalDetails {
  readonly name: string;
  /** Születési név, when it differs from the name. */
  readonly birthName?: string;
  /** Anyja születési neve. */
  readonly mothersName: string;
  readonly birthPlace: string;
  readonly birthDate: string;
  /** 9 digits, check digit verified; absent for clients who have none. */
  readonly taj?: string;
  /** Lakóhely: the address text; the settlement code is coded data. */
  readonly residenceAddress?: string;
  /** Tartózkodási hely: the address text. */
  readonly stayAddress?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** Coded fields of a client: codes of the reference lists, settlement codes, the household id. Kept in `data`. */
export interface ClientCodedDetails {
  /** Code list `sex`. */
  readonly sex: string;
  /** Code list `citizenship` (állampolgárság / jogállás, Szt. 18. § b)). */
  readonly citizenship: string;
  readonly residenceSettlement?: SettlementCode;
  readonly staySettlement?: SettlementCode;
  /** Code list `economicActivity` (gazdasági aktivitás). */
  readonly economicActivity?: string;
  /** Code list `education` (iskolai végzettség). */
  readonly education?: string;
  /** Code list `familyStatus` (családi összetétel). */
  readonly familyStatus?: string;
  /** Háztartás: an opaque id shared by the members of one household. */
  readonly householdId?: string;
  /** Code list `householdRelation`: relation to the household head. */
  readonly householdRelation?: string;
}

/** Everything a worker enters about a client, split by the domain into personal and coded parts. */
export type ClientDetails = ClientPersonalDetails & ClientCodedDetails;

export const PERSONAL_DETAIL_FIELDS = [
  'name',
  'birthName',
  'mothersName',
  'birthPlace',
  'birthDate',
  'taj',
  'residenceAddress',
  'stayAddress',
  'phone',
  'email',
] as const satisfies readonly (keyof ClientPersonalDetails)[];

export const CODED_DETAIL_FIELDS = [
  'sex',
  'citizenship',
  'residenceSettlement',
  'staySettlement',
  'economicActivity',
  'education',
  'familyStatus',
  'householdId',
  'householdRelation',
] as const satisfies readonly (keyof ClientCodedDetails)[];

/** Coded data as stored: the details plus the birth year, which statistics need and which is not personal alone. */
export interface ClientCodedData extends ClientCodedDetails {
  readonly birthYear: number;
}
