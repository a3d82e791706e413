import type { Language, NotificationKind } from '@kapocs/notification/contracts';
import type { NotificationParams } from '../inbox/notify-rules.js';
import { en } from './messages.en.js';
import { hu, type Messages } from './messages.hu.js';

/** Hungarian by default; a key missing there (a new status code) falls back to the English file. */
const messages = (lang: Language): Messages => (lang === 'en' ? en : hu);
const pick = <K extends string>(table: Readonly<Record<K, string>>, fallback: Readonly<Record<K, string>>, key: K): string => table[key] ?? fallback[key] ?? key;

/** The app path a notification opens: the portal for a member organisation, the staff signal page otherwise. */
export const linkOf = (recipient: string, signalId: string | null): string =>
  signalId ? (recipient.startsWith('org:') ? `/portal/signals/${signalId}` : `/signals/${signalId}`) : '/';

export function inAppText(kind: NotificationKind, p: NotificationParams, lang: Language): { title: string; text: string } {
  const m = messages(lang);
  switch (kind) {
    case 'signal_status': {
      const status = p.status ?? 'received';
      return { title: m.statusTitle(p.reference, pick(m.status, en.status, status)), text: pick(m.statusText, en.statusText, status) };
    }
    case 'signal_assigned':
      return { title: m.assignedTitle(p.reference), text: m.assignedText };
    case 'match_alert':
      return { title: m.matchTitle(p.reference), text: pick(m.matchText, en.matchText, p.matchKind ?? 'signalled_before') };
    case 'signal_escalated':
      return { title: m.escalatedTitle(p.reference), text: m.escalatedText };
  }
}

export interface Mail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail to a signaller organisation: reference number, status and a portal link, built from codes only, so no
 * detail of the family can reach it (ADR-0010).
 */
export function statusMail(p: NotificationParams, link: string, lang: Language = 'hu'): Mail {
  const m = messages(lang);
  const status = pick(m.status, en.status, p.status ?? 'received');
  const lines = [m.mail.greeting, '', m.mail.intro(p.reference, status), pick(m.statusText, en.statusText, p.status ?? 'received'), '', m.mail.portal, link, '', m.mail.automatic, m.mail.signature];
  const html = [
    `<p>${escapeHtml(m.mail.greeting)}</p>`,
    `<p>${escapeHtml(m.mail.intro(p.reference, status))}<br>${escapeHtml(pick(m.statusText, en.statusText, p.status ?? 'received'))}</p>`,
    `<p>${escapeHtml(m.mail.portal)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p style="color:#555">${escapeHtml(m.mail.automatic)}<br>${escapeHtml(m.mail.signature)}</p>`,
  ].join('\n');
  return { subject: m.statusTitle(p.reference, status), text: lines.join('\n'), html: `<!doctype html><html lang="${lang}"><body>${html}</body></html>` };
}

export const deadLetterReason = (reason: 'dead' | 'not_configured' | 'no_address', lang: Language): string => messages(lang).deadLetterReason[reason];
