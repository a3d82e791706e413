import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { CaseCommand } from './case-commands.js';

/** The district and settlement of the request path, which the gateway checked and casework checks again. */
export interface CaseTarget {
  readonly district: DistrictCode;
  readonly settlement: SettlementCode;
  readonly expectedVersion?: string;
}

/** A command as it travels: its type and data; the service adds meta. `site` comes from the path. */
export type CaseCommandBody = {
  [T in CaseCommand['type']]: { readonly type: T; readonly data: Omit<Extract<CaseCommand, { type: T }>['data'], 'site'> };
}[CaseCommand['type']];

/** Payload of `casework.cmd.case`. */
export interface CaseCommandPayload extends CaseTarget {
  readonly command: CaseCommandBody;
}

/** What every case command answers: the stream's new version (the ETag) and the checkpoint for read-your-writes. */
export interface CaseCommandReply {
  readonly caseId: string;
  readonly version: string;
  readonly checkpoint: string;
}
