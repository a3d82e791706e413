import type { IntakeEvent } from './intake-event.js';

export const OTHER_BASIC_SERVICES_DECLARED = 'intake.OtherBasicServicesDeclared';

export interface OtherBasicServicesDeclaredData {
  readonly clientId: string;
  readonly declaredOn: string;
  readonly usesOtherServices: boolean;
  /** Codes of list `basicService`, one per provider entry, in the order of `personal.providers`. */
  readonly services: readonly string[];
  readonly recordedBy: string;
}

export interface OtherBasicServiceProvider {
  readonly service: string;
  readonly providerName: string;
  readonly providerAddress?: string;
}

export interface OtherBasicServicesDeclaredPersonal {
  /** Where the client is served reveals the person's situation, hence personal. */
  readonly providers: readonly OtherBasicServiceProvider[];
}

/**
 * Nyilatkozat más alapszolgáltatás igénybevételéről (9/1999. SzCsM r. 18. §) — made under criminal liability, whether
 * the client uses basic services at other providers.
 */
export type OtherBasicServicesDeclared = IntakeEvent<
  typeof OTHER_BASIC_SERVICES_DECLARED,
  1,
  OtherBasicServicesDeclaredData,
  OtherBasicServicesDeclaredPersonal
>;
