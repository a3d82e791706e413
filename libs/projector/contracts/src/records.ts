/**
 * Payloads and replies of the records queries. Every query accepts `after`, a checkpoint from a command reply: the
 * projector answers once it has processed it (read-your-writes).
 */
export interface AfterCheckpoint {
  readonly after?: string;
}

export interface ClientSearchQuery extends AfterCheckpoint {
  readonly district: string;
  /** Name, matched accent- and case-insensitively on every word. */
  readonly q?: string;
  readonly taj?: string;
  readonly birthDate?: string;
  readonly settlement?: string;
  readonly limit?: number;
}

/** One row of the client register (Szt. 20. § nyilvántartás). */
export interface RegisterRow {
  readonly clientId: string;
  readonly district: string;
  /** Service site (szolgáltatási hely). */
  readonly site: string;
  readonly registerYear: number;
  /** Nyilvántartási sorszám. */
  readonly registerNumber: number;
  /** Egyéni azonosító. */
  readonly individualId: string;
  readonly name: string | null;
  readonly birthName: string | null;
  readonly mothersName: string | null;
  readonly birthPlace: string | null;
  readonly birthDate: string | null;
  readonly birthYear: number;
  readonly taj: string | null;
  readonly sex: string;
  readonly citizenship: string;
  readonly residenceSettlement: string | null;
  readonly residenceAddress: string | null;
  readonly staySettlement: string | null;
  readonly stayAddress: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly economicActivity: string | null;
  readonly education: string | null;
  readonly familyStatus: string | null;
  readonly householdId: string | null;
  readonly householdRelation: string | null;
  readonly registeredOn: string;
  readonly serviceStartedOn: string | null;
  readonly serviceEndedOn: string | null;
  /** A data-processing declaration (nyilatkozat adatkezelésről) is on file. */
  readonly consent: boolean;
  /** Clients merged into this one. */
  readonly mergedClientIds: readonly string[];
  /** Version of the client's stream as projected: a correction sends it as `If-Match` (412 when stale). */
  readonly version: string;
}

export interface ClientSearchResult {
  readonly clients: readonly RegisterRow[];
}

export interface ClientFileQuery extends AfterCheckpoint {
  readonly district: string;
  readonly settlement: string;
  readonly clientId: string;
  /** The `nextContactsCursor` of the previous reply: the file again, with the contacts after it. */
  readonly contactsAfter?: string;
}

export interface DeclarationView {
  readonly id: string;
  readonly kind: 'data-processing-consent' | 'other-basic-services';
  readonly declaredOn: string;
  readonly recordedBy: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ClientCorrectionView {
  readonly correctedOn: string;
  readonly reason: string | null;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

export interface ClientFile {
  readonly client: RegisterRow;
  readonly corrections: readonly ClientCorrectionView[];
  /** Other register entries sharing the household id (háztartás). */
  readonly household: readonly Pick<RegisterRow, 'clientId' | 'name' | 'birthYear' | 'householdRelation' | 'site'>[];
  readonly declarations: readonly DeclarationView[];
  readonly contacts: readonly ContactLogRow[];
  /**
   * More contacts follow (a reply stays under ~512 KB, half of NATS's default `max_payload`; a long history with
   * long descriptions is more): ask again with it as `contactsAfter`. The gateway does, and answers the whole file.
   */
  readonly nextContactsCursor?: string;
}

export type ContactLogPeriod = { readonly date: string } | { readonly month: string } | { readonly year: string };

export interface ContactLogQuery extends AfterCheckpoint {
  readonly district: string;
  readonly settlement: string;
  readonly period: ContactLogPeriod;
  /** Keyset paging: entries with a serial above this one. */
  readonly afterSerial?: number;
  /** At most this many entries (≤ 1,000); a page also ends before ~512 KB of JSON, under NATS's 1 MB `max_payload`. */
  readonly limit?: number;
}

export interface ContactCorrectionView {
  readonly correctedOn: string;
  readonly reason: string | null;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

/** One forgalmi napló entry with its serial number (1/2000. SzCsM r. 7. melléklet columns). */
export interface ContactLogRow {
  readonly contactId: string;
  readonly kind: 'contact' | 'group';
  readonly district: string;
  readonly site: string;
  readonly year: number;
  /** Sorszám: 1, 2, 3… per site and year, gap-free. */
  readonly serial: number;
  readonly date: string;
  /** The client as shown (the survivor of a merge), or null for an anonymous request or a group. */
  readonly clientId: string | null;
  readonly individualId: string | null;
  readonly clientName: string | null;
  readonly birthYear: number | null;
  readonly economicActivity: string | null;
  readonly familyStatus: string | null;
  readonly education: string | null;
  readonly newInYear: boolean | null;
  readonly mode: string | null;
  readonly referrer: string | null;
  readonly problemTypes: readonly string[];
  readonly crisis: boolean;
  readonly description: string | null;
  readonly caseHandling: readonly string[];
  readonly benefits: readonly string[];
  readonly caseWorkerId: string | null;
  readonly dutyWorkerId: string;
  readonly groupType: string | null;
  readonly participantCount: number | null;
  readonly voided: boolean;
  readonly voidReason: string | null;
  readonly corrections: readonly ContactCorrectionView[];
  /** Version of the entry's stream as projected: a correction sends it as `If-Match` (412 when stale). */
  readonly version: string;
}

export interface ContactLogPage {
  readonly entries: readonly ContactLogRow[];
  /** Pass as `afterSerial` for the next page; absent on the last page. */
  readonly nextSerial?: number;
}

/** The fields of a napló entry the export files print (and the client, whose read is audited). */
export const CONTACT_LOG_EXPORT_FIELDS = [
  'serial',
  'date',
  'kind',
  'clientId',
  'individualId',
  'clientName',
  'birthYear',
  'economicActivity',
  'familyStatus',
  'education',
  'newInYear',
  'referrer',
  'problemTypes',
  'crisis',
  'description',
  'caseHandling',
  'benefits',
  'caseWorkerId',
  'dutyWorkerId',
  'groupType',
  'participantCount',
  'voided',
  'voidReason',
] as const satisfies readonly (keyof ContactLogRow)[];

export type ContactLogExportEntry = Pick<ContactLogRow, (typeof CONTACT_LOG_EXPORT_FIELDS)[number]>;

/** `ContactLogQuery` without `limit`: the projector sizes export pages (≤ 512 KB of JSON). */
export type ContactLogExportQuery = Omit<ContactLogQuery, 'limit'>;

/**
 * A page of the napló export. `rows` is JSON text: an array of entries, each an array of its
 * CONTACT_LOG_EXPORT_FIELDS values in that order. Text, so that the projector passes PostgreSQL's JSON on without
 * parsing and re-encoding it, and the gateway decodes it once; keyed objects with every field were ~0.65 KB an entry
 * (40 MB for a year of Debrecen), these ~0.25 KB.
 */
export interface ContactLogExportPage {
  readonly rows: string;
  /** Pass as `afterSerial` for the next page; absent on the last page. */
  readonly nextSerial?: number;
}

export interface RegisterRowsQuery extends AfterCheckpoint {
  readonly district: string;
  readonly settlement?: string;
  /** Keyset paging over (site, registerYear, registerNumber) as an opaque cursor. */
  readonly cursor?: string;
  /** At most this many rows (≤ 1,000); a page also ends before ~512 KB of JSON, under NATS's 1 MB `max_payload`. */
  readonly limit?: number;
}

export interface RegisterRowsPage {
  readonly rows: readonly RegisterRow[];
  readonly nextCursor?: string;
}

export interface IdentityCandidatesQuery {
  readonly district: string;
  readonly taj?: string;
  readonly name: string;
  readonly birthDate: string;
}

export interface IdentityCandidate {
  readonly clientId: string;
  readonly identity: { readonly name: string; readonly birthDate: string; readonly mothersName: string; readonly taj?: string };
  readonly survivorId?: string;
}
