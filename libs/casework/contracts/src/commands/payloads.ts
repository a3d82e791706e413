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

/**
 * The forgalmi napló side of a case-handling measure, logged by intake in the same user action (ADR-0007 amendment).
 * The contact's id is derived from the measure's (`measureContactId`), so a retried measure never logs twice.
 */
export interface MeasureContact {
  /** Code list `contactMode` (kapcsolatfelvétel módja). */
  readonly mode: string;
  /** Code list `problemType`, at least one. */
  readonly problemTypes: readonly string[];
  readonly crisis?: boolean;
}

/** Payload of `casework.cmd.case`. */
export interface CaseCommandPayload extends CaseTarget {
  readonly command: CaseCommandBody;
  /** Only with `RecordMeasure`: also log the contact in the forgalmi napló (the measure's `kind` is its case handling). */
  readonly logContact?: MeasureContact;
}

/** What every case command answers: the stream's new version (the ETag) and the checkpoint for read-your-writes. */
export interface CaseCommandReply {
  readonly caseId: string;
  readonly version: string;
  readonly checkpoint: string;
}
