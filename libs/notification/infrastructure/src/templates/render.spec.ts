import { transportUrl } from '../delivery/mailer.js';
import { backoffMs, notificationConfigOf } from '../notification.config.js';
import { inAppText, linkOf, statusMail } from './render.js';

describe('notification texts', () => {
  it('writes the status e-mail in Hungarian with the reference and the portal link, in text and HTML', () => {
    const mail = statusMail({ reference: 'J-ABCDE-FGHJK', status: 'measures_taken' }, 'https://kapocs.example/portal/signals/s1');
    expect(mail.subject).toBe('Jelzés J-ABCDE-FGHJK: intézkedés történt');
    expect(mail.text).toContain('A(z) J-ABCDE-FGHJK hivatkozási számú jelzésük állapota: intézkedés történt.');
    expect(mail.text).toContain('https://kapocs.example/portal/signals/s1');
    expect(mail.html).toContain('<a href="https://kapocs.example/portal/signals/s1">');
    expect(mail.html).toContain('lang="hu"');
  });

  it('escapes what goes into the HTML', () => {
    expect(statusMail({ reference: '<b>', status: 'closed' }, 'x"y').html).not.toMatch(/<b>|x"y/);
  });

  it('renders in-app texts in English on request, and shows the code of a status no file knows', () => {
    expect(inAppText('signal_status', { reference: 'J-1', status: 'closed' }, 'en')).toEqual({ title: 'Signal J-1: closed', text: 'The handling of your signal is closed. Thank you for reporting.' });
    const unknown = { reference: 'J-1', status: 'archived' } as unknown as Parameters<typeof inAppText>[1];
    expect(inAppText('signal_status', unknown, 'hu').title).toBe('Jelzés J-1: archived');
    expect(inAppText('match_alert', { reference: 'J-2', matchKind: 'open_case' }, 'hu').text).toBe('A jelzés érintettjének nyitott esete van.');
  });

  it('links a member to the portal and staff to the signal page', () => {
    expect(linkOf('org:o1', 's1')).toBe('/portal/signals/s1');
    expect(linkOf('user:u1', 's1')).toBe('/signals/s1');
  });

  it('doubles the backoff per attempt up to the cap, and reads the defaults', () => {
    const c = notificationConfigOf({}, { NOTIFY_RETRY_BASE_MS: '100', NOTIFY_RETRY_MAX_MS: '500' });
    expect([1, 2, 3, 4].map((n) => backoffMs(c, n))).toEqual([100, 200, 400, 500]);
    expect(notificationConfigOf({}, {})).toMatchObject({ mailFrom: 'Kapocs <noreply@kapocs.local>', publicUrl: 'http://127.0.0.1:3000', maxAttempts: 6 });
    expect(notificationConfigOf({ publicUrl: 'https://x.example/' }, { NOTIFY_MAX_ATTEMPTS: 'many' })).toMatchObject({ publicUrl: 'https://x.example', maxAttempts: 6 });
  });

  it('pools SMTP connections and bounds the waits unless the URL says otherwise', () => {
    const url = new URL(transportUrl('smtp://user:pw@127.0.0.1:2525/?pool=false'));
    expect(url.searchParams.get('pool')).toBe('false');
    expect(url.searchParams.get('socketTimeout')).toBe('30000');
    expect(`${url.username}:${url.password}@${url.host}`).toBe('user:pw@127.0.0.1:2525');
  });
});
