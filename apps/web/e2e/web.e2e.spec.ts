import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@kapocs/intake/demo';
import { axeViolations, type BrowserRig, count, loginAs, pdfText, registerClient, startBrowserRig, uniqueName, waitFor } from './support.js';

// The staff web app in headless Chromium against the built platform (embedded default: the demo Szécsényi járás).
const worker = DEMO_LOGINS.find((l) => l.role === 'settlement_worker' && l.settlements[0] === '06628');

describe('staff web app in headless Chromium', () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startBrowserRig();
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  const newPage = (): Promise<{ context: BrowserContext; page: Page }> => rig.newPage();

  const login = async (page: Page) => {
    await loginAs(page, worker?.sub);
    await page.getByRole('heading', { name: 'Igénybe vevő keresése' }).waitFor();
  };

  it('logs in, registers a client, logs two contacts by keyboard and finds them numbered in the forgalmi napló PDF', async () => {
    expect(worker).toBeDefined();
    const { context, page } = await newPage();
    try {
      await login(page);
      expect(await page.getAttribute('html', 'lang')).toBe('hu');
      expect(await page.locator('#site-select').inputValue()).toBe('06628');

      const name = uniqueName();
      const individualId = await registerClient(page, name, '1985-04-12');
      expect(individualId).toMatch(/^\d+$/);

      // A returning client's contact: k, the problem code, Enter (defaults fill in the rest).
      for (const [code, expected] of [
        ['5', 1],
        ['2.1', 2],
      ] as const) {
        await page.locator('#main').focus();
        await page.keyboard.press('k');
        const problems = page.locator('input[name="problemTypes"]');
        await problems.waitFor();
        const focused = await problems.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
        expect(focused).toBe(true);
        await page.keyboard.type(code);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
        await waitFor('contacts on the client file', 30_000, async () =>
          (await page.locator('table.log tbody tr').count()) === expected ? true : undefined,
        );
      }

      await page.getByRole('link', { name: 'Forgalmi napló' }).click();
      const rows = page.locator('table.log tbody tr', { hasText: name });
      await waitFor('both entries in the forgalmi napló', 30_000, async () => ((await rows.count()) === 2 ? true : undefined));
      const serials = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-serial'))))).sort((a, b) => a - b);
      expect(serials[0]).toBeGreaterThanOrEqual(1);
      expect(serials[1]).toBe((serials[0] as number) + 1);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF letöltése' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const text = await pdfText(await download.path());
      expect(text).toContain('FORGALMI NAPLÓ');
      expect(count(text, name)).toBeGreaterThanOrEqual(2);
      expect(count(text, individualId)).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('has no serious or critical axe violations on the login, search, register, client file, log contact and napló pages', async () => {
    const { context, page } = await newPage();
    const found: Record<string, string[]> = {};
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Bejelentkezés' }).waitFor();
      await page.locator('.demo-logins button').first().waitFor();
      found['login'] = await axeViolations(page);

      await page.locator(`button[data-sub="${worker?.sub}"]`).click();
      await page.getByRole('heading', { name: 'Igénybe vevő keresése' }).waitFor();
      await page.getByLabel('Név', { exact: true }).fill('Nagy');
      await page.getByRole('button', { name: 'Keresés', exact: true }).click();
      await page.locator('table.results tbody tr').first().waitFor();
      found['search'] = await axeViolations(page);

      const first = page.locator('table.results tbody tr a').first();
      const href = (await first.getAttribute('href')) ?? '';
      await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
      await page.getByRole('heading', { name: 'Nyilvántartásba vétel' }).waitFor();
      found['register'] = await axeViolations(page);

      await page.goto(href);
      await page.locator('dl.identity').waitFor();
      found['client file'] = await axeViolations(page);

      await page.keyboard.press('k');
      await page.getByRole('heading', { name: 'Kapcsolatfelvétel rögzítése' }).waitFor();
      found['log contact'] = await axeViolations(page);

      await page.getByRole('link', { name: 'Forgalmi napló' }).click();
      await page.getByRole('status').filter({ hasText: 'bejegyzés' }).waitFor();
      found['forgalmi napló'] = await axeViolations(page);
    } finally {
      await context.close();
    }
    expect(found).toEqual({
      login: [],
      search: [],
      register: [],
      'client file': [],
      'log contact': [],
      'forgalmi napló': [],
    });
  }, 90_000);
});
