import { randomUUID } from 'node:crypto';
import type { EventStore } from '@kapocs/platform/event-store';
import { DEFAULT_INTAKE_RULES, type IntakeRules } from '@kapocs/intake/domain';
import type { ClientIdentityIndex, SettlementDirectory } from './ports.js';

/** What every intake handler needs; built once by the infrastructure module. */
export interface IntakeDeps {
  readonly store: EventStore;
  readonly identities: ClientIdentityIndex;
  readonly settlements: SettlementDirectory;
  readonly rules?: IntakeRules;
  /** Event ids (UUIDs); injectable so tests and the data generator can make them deterministic. */
  readonly newId?: () => string;
  /** Attempts at taking a register number before the conflict is reported (default 25). */
  readonly maxRegisterAttempts?: number;
}

export const rulesOf = (deps: IntakeDeps): IntakeRules => deps.rules ?? DEFAULT_INTAKE_RULES;
export const newIdOf = (deps: IntakeDeps): (() => string) => deps.newId ?? randomUUID;

/** What a command handler answers: the new version (ETag) and the checkpoint for read-your-writes. */
export interface CommandResult {
  readonly streamId: string;
  readonly version: string;
  readonly checkpoint: string;
}
