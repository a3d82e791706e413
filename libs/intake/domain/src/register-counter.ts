import { INTAKE_ERRORS, type RegisterEvent } from '@kapocs/intake/contracts';
import type { SettlementCode } from '@kapocs/shared/kernel';
import { IntakeError } from './intake-error.js';

/**
 * The register of one service site for one year (`register-<site>-<year>`): the last number taken. Each
 * `RegisterNumberAssigned` is appended with the exact expected version of this stream in the same transaction as the
 * client's `ClientRegistered`, so a number is taken exactly when a client is registered: no gaps, no duplicates
 * (ADR-0006). Only the last event is needed to know the next number.
 */
export interface RegisterCounterState {
  readonly site: SettlementCode;
  readonly year: number;
  readonly lastNumber: number;
}

export const emptyRegister = (site: SettlementCode, year: number): RegisterCounterState => ({ site, year, lastNumber: 0 });

export const evolveRegister = (state: RegisterCounterState, event: RegisterEvent): RegisterCounterState => ({
  ...state,
  lastNumber: event.data.registerNumber,
});

const MAX_SERIAL = 999_999;

/** Egyéni azonosító per the OCsM recommendation: the year's last two digits and a six-digit yearly serial. */
export const individualIdOf = (year: number, serial: number): string =>
  `${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;

export const nextRegisterNumber = (
  state: RegisterCounterState,
): { readonly registerNumber: number; readonly individualId: string } => {
  const registerNumber = state.lastNumber + 1;
  if (registerNumber > MAX_SERIAL) {
    throw new IntakeError(
      INTAKE_ERRORS.REGISTER_FULL,
      { site: state.site, year: state.year },
      `register ${state.site}/${state.year} has no six-digit serial left`,
    );
  }
  return { registerNumber, individualId: individualIdOf(state.year, registerNumber) };
};
