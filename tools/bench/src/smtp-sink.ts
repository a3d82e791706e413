import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived, with the time its DATA was complete and parsed (performance.now()). */
export interface ArrivedMail {
  readonly subject: string;
  readonly to: readonly string[];
  readonly at: number;
}

export interface SmtpSink {
  readonly url: string;
  readonly mails: ArrivedMail[];
  /** Resolves with the first mail (arrived already or later) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (m: ArrivedMail) => boolean, timeoutMs: number): Promise<ArrivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 and a free port, what the notification service delivers to. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ArrivedMail[] = [];
  const waiters = new Set<{ match: (m: ArrivedMail) => boolean; resolve: (m: ArrivedMail) => void }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = { subject: parsed.subject ?? '', to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), at: performance.now() };
          mails.push(mail);
          for (const w of [...waiters]) {
            if (w.match(mail)) {
              waiters.delete(w);
              w.resolve(mail);
            }
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
    waitFor(match, timeoutMs) {
      const already = mails.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: ArrivedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching e-mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
