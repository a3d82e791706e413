import type { Messages } from './messages.hu.js';

/** English texts (`Accept-Language: en`), and the fallback for a Hungarian text that is missing. */
export const en: Messages = {
  status: { received: 'received', being_handled: 'being handled', measures_taken: 'measures taken', closed: 'closed' },
  statusText: {
    received: 'Your signal was received and forwarded to the competent service.',
    being_handled: 'A worker is handling your signal.',
    measures_taken: 'Measures were taken on your signal.',
    closed: 'The handling of your signal is closed. Thank you for reporting.',
  },
  statusTitle: (reference, status) => `Signal ${reference}: ${status}`,
  assignedTitle: (reference) => `Signal assigned to you: ${reference}`,
  assignedText: 'A signal was assigned to you; please look at it among the signals.',
  matchTitle: (reference) => `Match alert: ${reference}`,
  matchText: {
    signalled_before: 'The person concerned has been signalled before.',
    open_case: 'The person concerned has an open case.',
    identity_client: 'The person concerned is probably in the client register already.',
    identity_signal: 'The person concerned has probably been signalled before.',
  },
  escalatedTitle: (reference) => `Overdue signal: ${reference}`,
  escalatedText: 'The handling deadline of the signal has passed.',
  mail: {
    greeting: 'Dear Partner,',
    intro: (reference, status) => `The status of your signal ${reference}: ${status}.`,
    portal: 'Follow the status of the signal on the signal portal:',
    automatic: 'This is an automatic notification, please do not reply.',
    signature: 'Kapocs – family and child welfare signal system',
  },
  deadLetterReason: {
    dead: 'delivery failed after repeated attempts',
    not_configured: 'no SMTP server configured',
    no_address: 'the member organisation has no e-mail address',
  },
};
