import { randomUUID } from 'node:crypto';
import type { DistrictCode, EventMetadata, SettlementCode } from '@kapocs/shared/kernel';

export const EVENT_TYPE = 'bench.ContactLogged';
const DISTRICTS = ['011', '023', '045', '071', '121', '130', '152', '174'] as const;

/** The non-personal part of a benchmark event: about 150 bytes of JSON, like a typical contact-log fact. */
// A type alias, not an interface: Emmett's event data must be assignable to an index-signature record.
export type BenchData = {
  readonly caseId: string;
  readonly seq: number;
  readonly kind: string;
  readonly minutes: number;
  readonly loggedAt: string;
  readonly note: string;
};

export const district = (n: number): DistrictCode => DISTRICTS[n % DISTRICTS.length] as DistrictCode;

export const benchData = (seq: number): BenchData => ({
  caseId: randomUUID(),
  seq,
  kind: 'home_visit',
  minutes: 30 + (seq % 60),
  loggedAt: '2026-03-01T10:15:00.000Z',
  note: 'family visited, next visit agreed, no acute risk',
});

export const benchMetadata = (seq: number): EventMetadata => ({
  actor: { userId: 'bench-user', role: 'case_manager' },
  district: district(seq),
  settlement: '12345' as SettlementCode,
  correlationId: randomUUID(),
});

/** One personal field per event for the encrypted-append figure. */
export const benchPersonal = (seq: number): Record<string, { name: string }> => ({
  [`subject-${seq}`]: { name: 'Kovács Anna' },
});

export const eventBytes = (): number => Buffer.byteLength(JSON.stringify(benchData(0)));
export const metadataBytes = (): number => Buffer.byteLength(JSON.stringify(benchMetadata(0)));
