import type { IntakeEvent } from './intake-event.js';

export const CLIENT_MERGED_INTO = 'intake.ClientMergedInto';

export interface ClientMergedIntoData {
  readonly clientId: string;
  readonly survivorId: string;
  readonly mergedOn: string;
}

/** The last event of a merged client's stream: from now on the survivor stands for it. */
export type ClientMergedInto = IntakeEvent<typeof CLIENT_MERGED_INTO, 1, ClientMergedIntoData>;
