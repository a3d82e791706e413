import nodemailer, { type Transporter } from 'nodemailer';
import type { Mail } from '../templates/render.js';

/** A permanent refusal (5xx) or a transient one; the message id lets receivers drop a resent copy. */
export interface MailError {
  readonly code: string;
}

export interface Mailer {
  send(to: string, mail: Mail, messageId: string): Promise<void>;
  close(): void;
}

/** Pooled connections and bounded waits, unless `SMTP_URL` says otherwise in its query (nodemailer URL options). */
const TRANSPORT_DEFAULTS: Readonly<Record<string, string>> = { pool: 'true', maxConnections: '4', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };

export function transportUrl(url: string): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(TRANSPORT_DEFAULTS)) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return u.toString();
}

/** Nodemailer over pooled SMTP connections (`SMTP_URL`); delivery outcome and retries are the dispatcher's. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(transportUrl(url), { from });
  return {
    async send(to, mail, messageId) {
      await transport.sendMail({ to, subject: mail.subject, text: mail.text, html: mail.html, messageId });
    },
    close: () => transport.close(),
  };
}

/** SMTP reply code and error code only: a server's reply text may quote the address (personal data). */
export function errorCodeOf(e: unknown): string {
  const err = e as { responseCode?: number; code?: string; name?: string };
  return [err.code ?? err.name ?? 'Error', err.responseCode].filter((v) => v !== undefined).join(' ');
}
