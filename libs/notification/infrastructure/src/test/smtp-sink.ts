import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived at the test SMTP server. */
export interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
}

/** What the server answers to RCPT TO for an address: accept, refuse n times (transient 451), or always (550). */
export type RcptBehaviour = { readonly refuse: 'never' } | { readonly refuse: 'times'; readonly times: number } | { readonly refuse: 'always' };

export interface SmtpSink {
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** RCPT TO attempts per address (accepted or refused). */
  readonly attempts: Map<string, number>;
  behave(address: string, behaviour: RcptBehaviour): void;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 and a free port; mails are read back with mailparser. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  const behaviours = new Map<string, RcptBehaviour>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      const b = behaviours.get(to) ?? { refuse: 'never' };
      if (b.refuse === 'always') return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      if (b.refuse === 'times' && n <= b.times) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          for (const r of session.envelope.rcptTo) {
            mails.push({ to: r.address.toLowerCase(), subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : '', messageId: m.messageId ?? '' });
          }
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts,
    behave: (address, behaviour) => void behaviours.set(address.toLowerCase(), behaviour),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
