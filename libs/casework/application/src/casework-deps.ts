import { randomUUID } from 'node:crypto';
import type { DeadlineRules } from '@kapocs/casework/domain';
import type { CodeCatalogue } from '@kapocs/intake/contracts';
import type { EventStore } from '@kapocs/platform/event-store';

/** What every casework handler needs; built once by the infrastructure module. */
export interface CaseworkDeps {
  readonly store: EventStore;
  /** The shared code catalogue (problem types, case handling); intake's shipped one by default. */
  readonly codes?: CodeCatalogue;
  readonly deadlines?: readonly DeadlineRules[];
  /** Event ids; injectable so tests can make them deterministic. */
  readonly newId?: () => string;
}

export const newIdOf = (deps: CaseworkDeps): (() => string) => deps.newId ?? randomUUID;

/** What a command handler answers: the new version (ETag) and the checkpoint for read-your-writes. */
export interface CaseCommandResult {
  readonly caseId: string;
  readonly version: string;
  readonly checkpoint: string;
}
