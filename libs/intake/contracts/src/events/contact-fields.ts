/** Who a contact was with: a registered client, or an anonymous information request (nobody registered). */
export type ContactSubjectRef = { readonly kind: 'client'; readonly clientId: string } | { readonly kind: 'anonymous' };

/**
 * The client's coded data as it was on the day of the contact, copied into the entry so that the forgalmi napló's
 * "személyi adatok" column (birth year, economic activity, family status, education) shows the state of that day.
 */
export interface ClientAtContact {
  readonly kind: 'client';
  readonly clientId: string;
  readonly individualId: string;
  readonly birthYear: number;
  readonly sex: string;
  readonly economicActivity?: string;
  readonly familyStatus?: string;
  readonly education?: string;
}

export type ContactSubject = ClientAtContact | { readonly kind: 'anonymous' };

/** The correctable columns of an individual forgalmi napló entry. Codes are of the named lists. */
export interface ContactFields {
  readonly date: string;
  /** Ügyeletes: the worker on duty who handled the contact (user id). */
  readonly dutyWorkerId: string;
  /** Esetfelelős: the worker who holds the client in care (user id). */
  readonly caseWorkerId?: string;
  /** Új / régi ügyfél in the year. */
  readonly newInYear: boolean;
  /** List `contactMode`. */
  readonly mode: string;
  /** List `referrer` (küldő szerv). */
  readonly referrer?: string;
  /** List `problemType` (elsődleges hozott probléma), one or more; several means "több probléma". */
  readonly problemTypes: readonly string[];
  /** Krízishelyzet. */
  readonly crisis: boolean;
  /** List `caseHandling` (esetkezelés jellege), one or more. */
  readonly caseHandling: readonly string[];
  /** List `benefit` (juttatás), none or more. */
  readonly benefits: readonly string[];
}

/** The correctable columns of a group-session or community-work entry. */
export interface GroupSessionFields {
  readonly date: string;
  readonly dutyWorkerId: string;
  readonly caseWorkerId?: string;
  /** List `groupType` (OSAP 1696 3.4, or COMMUNITY for community work). */
  readonly groupType: string;
  readonly participantCount: number;
  /** Participants who are new clients in the year, when known. */
  readonly newParticipantCount?: number;
}

/** Eset leírása (felkínált probléma): short free text, personal. */
export interface ContactPersonal {
  readonly description?: string;
}
