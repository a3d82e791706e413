/** The context name: the service name, the subject prefix and the schema of its read models. */
export const SIGNALS_CONTEXT = 'signals';

/** Request-reply subjects served by signals (`<context>.cmd.<name>` / `<context>.query.<name>`, STYLE.md §2.3). */
export const SIGNALS_SUBJECTS = {
  ping: 'signals.query.ping',
  /** Register a member organisation or invite a portal user to it. */
  member: 'signals.cmd.member',
  /** A jelzés submitted through the portal or recorded by staff. */
  submit: 'signals.cmd.submit',
  /** Triage on a signal stream: the payload's `command` names it. */
  triage: 'signals.cmd.triage',
  /** The anonymous public form: creates a signal, answers only its reference. */
  submitPublic: 'signals.cmd.submit-public',
  /** A signal's attachments (and, for one, the key to open its blob) for staff in scope or the submitting member. */
  attachments: 'signals.query.attachments',
  /** A signal's full content (decrypted) for staff in scope, to triage it; the gateway audits every read. */
  detail: 'signals.query.detail',
  members: 'signals.query.members',
  queue: 'signals.query.queue',
  /** What a member organisation may see of its own signals (feedback). */
  feedback: 'signals.query.feedback',
  /** Match alerts for handlers and case-responsible workers. */
  alerts: 'signals.query.alerts',
  /** Counts for the annual action plan and the signal-system meeting, for any period. */
  statistics: 'signals.query.statistics',
} as const;
