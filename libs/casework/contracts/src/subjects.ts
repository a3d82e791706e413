/** The context name: the service name, the subject prefix and the schema of its read models. */
export const CASEWORK_CONTEXT = 'casework';

/** Request-reply subjects served by casework (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const CASEWORK_SUBJECTS = {
  ping: 'casework.query.ping',
  /** Every command on a case stream: the payload's `command` names it (one subject keeps the handler table in one place). */
  command: 'casework.cmd.case',
  caseLog: 'casework.query.case-log',
  caseload: 'casework.query.caseload',
  overview: 'casework.query.overview',
} as const;
