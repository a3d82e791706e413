import type { IntakeEvent } from './intake-event.js';

export const CLIENTS_MERGED = 'intake.ClientsMerged';

export interface ClientsMergedData {
  readonly survivorId: string;
  readonly mergedClientId: string;
  readonly mergedOn: string;
}

/**
 * Two register entries turned out to be one person: the survivor absorbs the merged client. Appended to the
 * survivor's stream together with `ClientMergedInto` on the merged one; neither history is rewritten.
 */
export type ClientsMerged = IntakeEvent<typeof CLIENTS_MERGED, 1, ClientsMergedData, { readonly reason: string }>;
