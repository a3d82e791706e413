import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { DEMO_LOGINS } from '@kapocs/intake/demo';
import { axeViolations, type BrowserRig, startBrowserRig, uniqueName, waitFor } from './support.js';

// The signal system in headless Chromium: a school's portal user on a phone-sized screen, staff on a desktop, the
// e-mail to the school over a real SMTP server on loopback, and the public anonymous form with its proof of work.
const member = DEMO_LOGINS.find((l) => l.role === 'signal_member');
const centre = DEMO_LOGINS.find((l) => l.role === 'district_worker');
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true };
const REFERENCE = /J-[0-9A-Z]{5}-[0-9A-Z]{5}/;
/** A 1×1 PNG: signature and IHDR, as the server's content check wants. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A real SMTP server on 127.0.0.1 and a free port; what arrives is parsed with mailparser. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (m) => {
          for (const r of session.envelope.rcptTo) mails.push({ to: r.address.toLowerCase(), subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : '' });
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Neither the page nor the body scrolls sideways (the portal must fit a 360 px phone). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });

/** Logs in with a demo button and waits for a navigation link of the role's shell. */
const login = async (page: Page, sub: string | undefined, navLink: string) => {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Bejelentkezés' }).waitFor();
  await page.locator(`button[data-sub="${sub}"]`).click();
  await page.getByRole('link', { name: navLink, exact: true }).waitFor();
};

describe('signal portal, triage and feedback in headless Chromium', () => {
  let rig: BrowserRig;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** The seeded demo school's contact address. */
  const contactEmail = 'igazgato@szecsenyi-iskola.example';

  beforeAll(async () => {
    smtp = await startSmtp();
    rig = await startBrowserRig({ SMTP_URL: smtp.url, MAIL_FROM: 'Kapocs <noreply@kapocs.example>', PUBLIC_URL: 'http://kapocs.example', NOTIFY_RETRY_BASE_MS: '200' });
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
    await smtp?.close();
  }, 60_000);

  it('a school submits on a phone, staff triage and record a measure, the school sees the status and gets the e-mail', async () => {
    expect(member?.organisation).toBeDefined();
    const staff = await rig.newPage();
    const phone = await rig.newPage(PHONE);
    try {
      // The demo school is a member from the start (seeded with its contact e-mail and portal user), and the
      // district queue is not empty: the seeded signals are there in their states.
      const s = staff.page;
      await login(s, centre?.sub, 'Jelzések');
      await s.getByRole('link', { name: 'Jelzések', exact: true }).click();
      await s.locator('tr[data-reference="J-DEM00-00002"]').waitFor();

      // The school's user on a phone: the portal is the start page, the staff navigation is not there.
      const p = phone.page;
      await login(p, member?.sub, 'Új jelzés');
      await p.getByRole('heading', { name: 'Jelzés küldése' }).waitFor();
      expect(await p.locator('nav.nav a').allTextContents()).toEqual(['Új jelzés', 'Jelzéseink']);
      // A member acts as its organisation: the staff settlement picker is not in its header.
      expect(await p.locator('#site-select').count()).toBe(0);
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      const child = uniqueName('Gyermek');
      const observed = 'Hetek óta éhesen és ápolatlanul érkezik az iskolába, a kabátja szakadt.';
      // Bad input: no endangerment category. The Hungarian message comes back and nothing is stored.
      await p.getByLabel('Mit tapasztalt?').fill('próba');
      await p.getByRole('button', { name: 'Jelzés elküldése' }).click();
      await p.locator('.error[role="alert"]').filter({ hasText: 'Adjon meg legalább egy veszélyeztetési kategóriát.' }).waitFor();

      await p.getByLabel('Név (ha ismert)').fill(child);
      await p.getByLabel('Lakcím vagy tartózkodási hely').fill('Szécsény, Rákóczi út 99.');
      await p.getByRole('checkbox', { name: 'elhanyagolás' }).check();
      await p.getByRole('checkbox', { name: 'igazolatlan iskolai hiányzás' }).check();
      await p.getByLabel('Mit tapasztalt?').fill(observed);
      await p.getByRole('radio', { name: /Közvetlen veszély/ }).check();
      await p.getByRole('alert').filter({ hasText: '112' }).first().waitFor();
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);

      // The first answer is lost on the way back (the signal is stored); the retry sends the same key and gets the
      // same receipt, so the organisation has one signal, not two.
      let dropped = 0;
      await p.route('**/api/v1/districts/*/organisations/*/signals', async (route) => {
        if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
        dropped++;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await p.getByRole('button', { name: 'Jelzés elküldése' }).click();
      await p.locator('.error[role="alert"]').waitFor();
      await p.getByRole('button', { name: 'Jelzés elküldése' }).click();
      await p.getByRole('heading', { name: 'A jelzés megérkezett' }).waitFor();
      const reference = ((await p.getByTestId('reference').textContent()) ?? '').trim();
      expect(reference).toMatch(REFERENCE);
      expect(dropped).toBe(1);
      await p.getByRole('alert').filter({ hasText: '112' }).first().waitFor();
      expect(await axeViolations(p)).toEqual([]);

      await p.getByRole('link', { name: 'Jelzéseink listája' }).click();
      const card = p.locator(`li[data-reference="${reference}"]`);
      await card.waitFor();
      expect(await p.locator(`li.sig-card[data-reference="${reference}"]`).count()).toBe(1);
      expect(await card.textContent()).toContain('Beérkezett');
      expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
      expect(await axeViolations(p)).toEqual([]);

      // Staff: the district queue has it first (critical), the triage page assigns it and records a family visit.
      await s.getByRole('link', { name: 'Jelzések', exact: true }).click();
      const row = s.locator(`tr[data-reference="${reference}"]`);
      await waitFor('the signal in the queue', 20_000, async () => {
        if ((await row.count()) > 0) return true;
        await s.getByRole('button', { name: 'Frissítés' }).click();
        return undefined;
      });
      expect(await row.getAttribute('class')).toContain('sig-critical');
      expect(await axeViolations(s)).toEqual([]);
      await row.getByRole('link', { name: reference }).click();
      await s.getByRole('heading', { name: `Jelzés: ${reference}` }).waitFor();
      // Staff in scope read what the school wrote (the read is audited).
      await s.getByTestId('signal-observed').filter({ hasText: observed }).waitFor();
      expect(await s.locator('#sig-details-title').locator('..').textContent()).toContain(child);
      await s.getByRole('button', { name: 'Kiosztás' }).click();
      await s.getByTestId('signal-status').filter({ hasText: 'Kiosztva' }).waitFor();
      await s.locator('select[name="measureKind"]').selectOption('FAMILY_VISIT');
      await s.locator('textarea[name="measureNote"]').fill('Az anya együttműködő, a lakás rendezetlen.');
      await s.getByRole('button', { name: 'Intézkedés rögzítése' }).click();
      await s.getByTestId('signal-status').filter({ hasText: 'Folyamatban' }).waitFor();
      // A second measure at once: the queue hands out the stream version, so no stale-version retry is needed.
      await s.locator('select[name="measureKind"]').selectOption('FIRST_CONTACT');
      await s.getByRole('button', { name: 'Intézkedés rögzítése' }).click();
      await s.locator('section[aria-labelledby="sig-details-title"] li').nth(1).waitFor();
      expect(await s.locator('.error[role="alert"]').count()).toBe(0);
      expect(await axeViolations(s)).toEqual([]);

      // The assignee's in-app notification leads back to the signal from anywhere.
      await s.getByRole('link', { name: 'Jelzésstatisztika' }).click();
      await waitFor('the assignment notification', 20_000, async () => {
        await s.reload();
        return Number((await s.getByTestId('notification-count').textContent()) ?? '0') > 0 ? true : undefined;
      });
      await s.getByRole('button', { name: /Értesítések/ }).click();
      await s.locator('.sig-bell-panel li', { hasText: reference }).getByRole('button').first().click();
      await s.getByRole('heading', { name: `Jelzés: ${reference}` }).waitFor();

      // The school sees the new status (never the measure or the note), and the e-mail reaches its contact address.
      await waitFor('the measure in the portal', 20_000, async () => {
        await p.getByRole('button', { name: 'Frissítés' }).click();
        return (await card.textContent())?.includes('Intézkedés történt') ? true : undefined;
      });
      const shown = (await card.textContent()) ?? '';
      for (const secret of [child, 'családlátogatás', 'együttműködő']) expect(shown).not.toContain(secret);

      const mail = await waitFor('the e-mail about the measure', 30_000, async () =>
        smtp.mails.find((m) => m.to === contactEmail && m.subject.includes(reference) && /intézkedés/i.test(m.subject)),
      );
      const body = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const secret of [child, child.split(' ')[1] ?? child, 'Rákóczi', 'éhesen', 'együttműködő', 'családlátogatás', 'Minta Edit']) expect(body).not.toContain(secret);

      // The in-app notification count of the portal user shows the change.
      await waitFor('an unread notification', 20_000, async () => {
        await p.reload();
        const n = Number((await p.getByTestId('notification-count').textContent()) ?? '0');
        return n > 0 ? n : undefined;
      });

      // Attachments: a file whose content is no allowed type is refused by the server whatever its name; the user
      // removes it and sends again, and the receipt lists the accepted image.
      await p.getByRole('link', { name: 'Új jelzés' }).click();
      await p.getByRole('checkbox', { name: 'lakhatási probléma' }).check();
      await p.getByLabel('Mit tapasztalt?').fill('A család télen fűtés nélkül él, a gyerekek betegek.');
      await p.locator('input[name="attachments"]').setInputFiles([
        { name: 'lelet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a PDF at all') },
        { name: 'foto.png', mimeType: 'image/png', buffer: PNG },
      ]);
      await p.getByRole('button', { name: 'Jelzés elküldése' }).click();
      const refused = p.locator('.error[role="alert"]');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('SIGNALS_ATTACHMENT_TYPE');
      await p.getByRole('button', { name: '„lelet.pdf” eltávolítása' }).click();
      await p.getByRole('button', { name: 'Jelzés elküldése' }).click();
      await p.getByRole('heading', { name: 'A jelzés megérkezett' }).waitFor();
      expect(await p.locator('.sig-receipt').textContent()).toContain('foto.png');
      expect(await p.locator('.sig-receipt').textContent()).not.toContain('lelet.pdf');
      const withFile = ((await p.getByTestId('reference').textContent()) ?? '').trim();

      // Staff open the attachment from the triage page and get the same bytes.
      await s.goto(`/signals/${member?.settlements[0]}/${withFile}`);
      await s.getByRole('heading', { name: `Jelzés: ${withFile}` }).waitFor();
      const [download] = await Promise.all([s.waitForEvent('download'), s.getByRole('button', { name: 'foto.png' }).click()]);
      const saved = await download.path();
      expect(Buffer.compare(await readFile(saved), PNG)).toBe(0);
    } finally {
      await staff.context.close();
      await phone.context.close();
    }
  });

  it('records a phone signal by staff with its channel, counts it in the statistics, and the operator sees its undeliverable e-mail', async () => {
    const { context, page } = await rig.newPage();
    try {
      await login(page, centre?.sub, 'Jelzés rögzítése');
      // A member without a contact e-mail: its feedback cannot be e-mailed and shows up for the operator.
      await page.getByRole('link', { name: 'Jelzőrendszeri tagok' }).click();
      await page.locator('input[name="name"]').fill('Minta Háziorvosi Rendelő');
      await page.locator('select[name="category"]').selectOption('GP');
      await page.getByLabel('Kapcsolattartó neve').fill('Minta Doktor');
      await page.getByRole('button', { name: 'Tag nyilvántartásba vétele' }).click();
      await page.getByRole('cell', { name: 'Minta Háziorvosi Rendelő' }).waitFor();

      await page.getByRole('link', { name: 'Jelzés rögzítése' }).click();
      await page.getByRole('heading', { name: /Telefonon, e-mailben vagy papíron/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'Felnőtt' }).check();
      await page.getByRole('checkbox', { name: 'szenvedélybetegség' }).check();
      await page.getByLabel('Mit tapasztalt?').fill('A szomszéd telefonon jelezte, hogy a férfi napok óta nem mozdul ki.');
      await page.locator('select[name="channel"]').selectOption('PHONE');
      await page.locator('select[name="organisationId"]').selectOption({ label: 'Minta Háziorvosi Rendelő' });
      await page.getByRole('button', { name: 'Jelzés elküldése' }).click();
      const recorded = page.getByRole('status').filter({ hasText: 'Rögzítve, hivatkozási szám' });
      await recorded.waitFor();
      const reference = REFERENCE.exec((await recorded.textContent()) ?? '')?.[0];
      expect(reference).toBeDefined();

      await page.getByRole('link', { name: 'Jelzésstatisztika' }).click();
      await page.getByRole('button', { name: 'Frissítés' }).click();
      const phoneRow = page.locator('table:has(caption:text-is("Csatorna szerint")) tr', { hasText: 'telefon' });
      await phoneRow.waitFor();
      expect(Number(await page.getByTestId('stat-total').textContent())).toBeGreaterThanOrEqual(1);
      expect(await axeViolations(page)).toEqual([]);

      const operator = await rig.newPage();
      try {
        const o = operator.page;
        await login(o, DEMO_LOGINS.find((l) => l.role === 'operator')?.sub, 'Kézbesítetlen értesítések');
        await o.getByRole('link', { name: 'Kézbesítetlen értesítések' }).click();
        const dead = o.locator('tr', { hasText: String(reference) });
        await waitFor('the undeliverable e-mail in the dead-letter view', 20_000, async () => {
          if ((await dead.count()) > 0) return true;
          await o.reload();
          return undefined;
        });
        expect(await dead.first().getByRole('button', { name: 'Újraküldés' }).count()).toBe(1);
        expect(await axeViolations(o)).toEqual([]);
      } finally {
        await operator.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('takes an anonymous signal through the public form, solving the proof of work in the browser', async () => {
    const { context, page } = await rig.newPage(PHONE);
    try {
      await page.goto('/jelzes?jaras=121');
      await page.getByRole('heading', { name: 'Névtelen jelzés állampolgároknak' }).waitFor();
      await page.getByLabel('Mit tapasztalt?').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'Család' }).check();
      await page.getByRole('checkbox', { name: 'családi konfliktus' }).check();
      await page.getByLabel('Mit tapasztalt?').fill('Esténként hangos veszekedés hallatszik, a gyerekek sírnak.');
      await page.getByRole('button', { name: 'Jelzés elküldése' }).click();
      await page.getByRole('heading', { name: 'A jelzés megérkezett' }).waitFor({ timeout: 60_000 });
      expect(((await page.getByTestId('reference').textContent()) ?? '').trim()).toMatch(REFERENCE);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
