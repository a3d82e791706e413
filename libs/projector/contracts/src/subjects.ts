/** The context name: the service name, the subject prefix and the schema of its read models. */
export const PROJECTOR_CONTEXT = 'projector';

/** Request-reply subjects served by projector (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const PROJECTOR_SUBJECTS = {
  ping: 'projector.query.ping',
  /** Client register search (Szt. 20. §), scoped to the caller's settlements or district. */
  clientSearch: 'projector.query.client-search',
  /** A client's file: identity, household, declarations, every contact. */
  clientFile: 'projector.query.client-file',
  /** Forgalmi napló entries of a site for a day, month or year, page by page (by serial). */
  contactLog: 'projector.query.contact-log',
  /** The same entries for the PDF/CSV/XLSX export: only the printed fields, as arrays, in larger pages. */
  contactLogExport: 'projector.query.contact-log-export',
  /** Register rows of a district (optionally one site) for the CSV/XLSX export, page by page. */
  registerRows: 'projector.query.register-rows',
  /** Look-alike clients of a district for the intake duplicate check (ClientIdentityIndex port). */
  identityCandidates: 'projector.query.identity-candidates',
} as const;
