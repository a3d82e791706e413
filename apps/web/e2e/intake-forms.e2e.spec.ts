import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@kapocs/intake/demo';
import { axeViolations, type BrowserRig, loginAs, startBrowserRig, uniqueName, waitFor } from './support.js';

// The intake forms of issue 4 in headless Chromium: corrections and voids with their history, group sessions,
// service start and end, client corrections with If-Match, merge and erasure, each page checked with axe-core.
const worker = DEMO_LOGINS.find((l) => l.role === 'settlement_worker' && l.settlements[0] === '06628');
const head = DEMO_LOGINS.find((l) => l.role === 'head');
const CONFLICT = 'Az adatot időközben módosították; töltse be újra, és próbálja ismét.';

/** The page's globals, for code evaluated in the browser (the spec is type-checked without the DOM lib). */
interface BrowserGlobals {
  sessionStorage: { getItem(k: string): string | null };
  fetch(url: string, init: object): Promise<{ status: number }>;
  document: { activeElement: { getAttribute(n: string): string | null } | null };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('intake forms in headless Chromium', () => {
  let rig: BrowserRig;
  const found: Record<string, string[]> = {};

  beforeAll(async () => {
    rig = await startBrowserRig();
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  const login = loginAs;

  /** Registers through the form; acknowledges a duplicate warning when `anyway`. Returns the client file's path. */
  const register = async (page: Page, name: string, anyway = false): Promise<string> => {
    await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
    await page.getByLabel('Név (kötelező)', { exact: true }).fill(name);
    await page.getByLabel('Anyja születési neve').fill('Minta Mária');
    await page.getByLabel('Születési hely').fill('Szécsény');
    await page.getByLabel('Születési dátum').fill('1985-04-12');
    await page.getByLabel('Nem').selectOption('2');
    await page.getByRole('button', { name: 'Mentés' }).click();
    if (anyway) {
      await page.getByRole('heading', { name: 'Valószínűleg már nyilvántartott igénybe vevő' }).waitFor();
      await page.getByRole('button', { name: 'Felvétel mégis' }).click();
    }
    await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
    return new URL(page.url()).pathname;
  };

  const logContact = async (page: Page, code: string, expected: number) => {
    await page.locator('#main').focus();
    await page.keyboard.press('k');
    await page.locator('input[name="problemTypes"]').waitFor();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.locator('dl.identity').first().waitFor();
    await waitFor('contacts on the client file', 30_000, async () => ((await page.locator('table.log tbody tr').count()) === expected ? true : undefined));
  };

  const open = async (): Promise<{ context: BrowserContext; page: Page }> => rig.newPage();

  it('corrects a contact and voids another with reasons: the history shows both, the napló the void, a stale version the conflict', async () => {
    expect(worker).toBeDefined();
    const { context, page } = await open();
    try {
      await login(page, worker?.sub);
      const name = uniqueName('Javítás');
      const file = await register(page, name);
      await logContact(page, '5', 1);
      await logContact(page, '2.1', 2);
      const rows = page.locator('table.log tbody tr');

      // Correction: the form starts from the entry, only the changed codes go, with the reason.
      await rows.nth(0).getByRole('link', { name: /^Javítás/ }).click();
      await page.getByRole('heading', { name: /^Kapcsolatfelvétel javítása/ }).waitFor();
      const problems = page.getByLabel('Probléma típusa (kódok) (kötelező)');
      expect(await problems.inputValue()).toBe('5');
      found['contact correction'] = await axeViolations(page);
      await problems.fill('5, 2.1');
      await page.getByLabel('Indoklás (kötelező)').fill('Kimaradt a második kód');
      await page.getByRole('button', { name: 'Mentés' }).click();
      await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
      await waitFor('the correction in the history', 30_000, async () =>
        ((await rows.nth(0).locator('td.history-cell').textContent()) ?? '').includes('Kimaradt a második kód') ? true : undefined,
      );
      const history = (await rows.nth(0).locator('td.history-cell').textContent()) ?? '';
      expect(history).toContain(`Javítva ${today()}`);
      expect(history).toContain('5 → 5, 2.1');

      // A colleague corrects the same entry meanwhile: this form's version is stale → 412, the gateway's message.
      await rows.nth(0).getByRole('link', { name: /^Javítás/ }).click();
      await page.getByLabel('Indoklás (kötelező)').waitFor();
      const contactPath = new URL(page.url()).pathname.replace(/^\/contacts\/(\d+)\/([^/]+)\/correct$/, `/districts/${worker?.district}/settlements/$1/contacts/$2`);
      const status = await page.evaluate(async (path) => {
        const g = globalThis as unknown as BrowserGlobals;
        const token = (JSON.parse(g.sessionStorage.getItem('kapocs.session') ?? '{}') as { token: string }).token;
        const res = await g.fetch(`/api/v1${path}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' },
          body: JSON.stringify({ reason: 'Párhuzamos javítás', changes: { crisis: true } }),
        });
        return res.status;
      }, contactPath);
      expect(status).toBe(200);
      await page.getByLabel('Rövid leírás').fill('Késői javítás');
      await page.getByLabel('Indoklás (kötelező)').fill('Elavult űrlap');
      await page.getByRole('button', { name: 'Mentés' }).click();
      const alert = page.getByRole('alert').filter({ hasText: CONFLICT });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('WRONG_EXPECTED_VERSION');

      // Void the second entry: its number stays, struck through, with the reason.
      await page.goto(file);
      await rows.nth(1).getByRole('link', { name: /^Érvénytelenítés/ }).click();
      await page.getByRole('heading', { name: /^Kapcsolatfelvétel érvénytelenítése/ }).waitFor();
      found['contact void'] = await axeViolations(page);
      const focused = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.getAttribute('name'));
      expect(focused).toBe('reason');
      await page.keyboard.type('Tévesen rögzítve, másik ügyfél');
      await page.getByRole('button', { name: 'Érvénytelenítés' }).click();
      await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
      await waitFor('the void in the history', 30_000, async () => ((await rows.nth(1).getAttribute('class')) === 'voided' ? true : undefined));
      const voidHistory = (await rows.nth(1).locator('td.history-cell').textContent()) ?? '';
      expect(voidHistory).toContain('Érvénytelenítve');
      expect(voidHistory).toContain('Tévesen rögzítve, másik ügyfél');
      const first = (await rows.nth(0).locator('td.history-cell').textContent()) ?? '';
      expect(first).toContain('Kimaradt a második kód');
      expect(first).toContain('Párhuzamos javítás');
      expect(await rows.nth(0).getAttribute('class')).toBeNull();
      found['client file with history'] = await axeViolations(page);

      await page.getByRole('link', { name: 'Forgalmi napló' }).click();
      const naplo = page.locator('table.log tbody tr', { hasText: name });
      await waitFor('both entries in the napló', 30_000, async () => ((await naplo.count()) === 2 ? true : undefined));
      const voided = page.locator('table.log tbody tr.voided', { hasText: name });
      expect(await voided.count()).toBe(1);
      expect(await voided.locator('th').textContent()).toContain('Érvénytelenítve');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('logs a group session that the napló shows with its participant count', async () => {
    const { context, page } = await open();
    try {
      await login(page, worker?.sub);
      await page.getByRole('link', { name: 'Csoportfoglalkozás' }).click();
      await page.getByRole('heading', { name: 'Csoportfoglalkozás, közösségi munka rögzítése' }).waitFor();
      found['group session'] = await axeViolations(page);
      const participants = 100 + Math.floor(Math.random() * 900);
      // Keyboard only: focus starts on the kind of session.
      const kind = page.getByLabel('Csoportfoglalkozás típusa (kötelező)');
      expect(await kind.evaluate((el) => el === (globalThis as unknown as BrowserGlobals).document.activeElement)).toBe(true);
      await kind.selectOption('COMMUNITY');
      await page.keyboard.press('Tab');
      await page.keyboard.type(String(participants));
      await page.keyboard.press('Tab');
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Csoportfoglalkozás rögzítve.' }).waitFor();
      await page.getByRole('link', { name: 'Forgalmi napló' }).last().click();
      const row = page.locator('table.log tbody tr', { hasText: `Közösségi munka · ${participants} fő` });
      await waitFor('the group session in the napló', 30_000, async () => ((await row.count()) === 1 ? true : undefined));
      expect(Number(await row.getAttribute('data-serial'))).toBeGreaterThanOrEqual(1);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('records the start and end of the service, corrects the client, merges a duplicate and lets the head erase', async () => {
    const { context, page } = await open();
    const asHead = await open();
    try {
      await login(page, worker?.sub);
      const name = uniqueName('Összevonás');
      const firstFile = await register(page, name);

      // Service start and end (Szt. 20. § (2) b)) on the client file.
      await page.getByRole('button', { name: 'Ellátás kezdetének rögzítése' }).click();
      await page.getByLabel('Ellátás igénybevételének kezdete (kötelező)').fill(today());
      found['service start form'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Mentés' }).click();
      await waitFor('service start', 30_000, async () => ((await page.locator('dd[data-field="serviceStartedOn"]').textContent()) === today() ? true : undefined));
      await page.getByRole('button', { name: 'Ellátás megszűnésének rögzítése' }).click();
      await page.getByRole('button', { name: 'Mentés' }).click();
      await waitFor('service end', 30_000, async () => ((await page.locator('dd[data-field="serviceEndedOn"]').textContent()) === today() ? true : undefined));

      // Client correction with the client's version as If-Match; the history keeps the reason.
      await page.getByRole('link', { name: 'Adatok javítása' }).click();
      await page.getByRole('heading', { name: /^Személyes adatok javítása/ }).waitFor();
      found['client correction'] = await axeViolations(page);
      await page.getByLabel('Lakóhely címe').fill('Rákóczi út 12.');
      await page.getByLabel('Indoklás (kötelező)').fill('Költözés bejelentése');
      await page.getByRole('button', { name: 'Mentés' }).click();
      await page.getByRole('heading', { name: 'Adatjavítások' }).waitFor();
      const corrections = (await page.locator('ul.history').first().textContent()) ?? '';
      expect(corrections).toContain('Költözés bejelentése');
      expect(corrections).toContain('Rákóczi út 12.');

      // From the client file: the merge page searches the register (the client itself is never offered).
      await page.getByRole('link', { name: 'Összevonás másik bejegyzéssel' }).click();
      await page.getByRole('heading', { name: 'A másik bejegyzés keresése' }).waitFor();
      expect(await page.getByLabel('Név', { exact: true }).inputValue()).toBe(name);
      await page.getByRole('button', { name: 'Keresés', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Nincs találat.' }).waitFor();
      found['merge search'] = await axeViolations(page);

      // The same person registered again despite the warning: the client file offers the merge; the first survives.
      const file = await register(page, name, true);
      const clientId = file.split('/').pop() ?? '';
      await page.getByRole('heading', { name: 'Lehetséges kettős nyilvántartás' }).waitFor();
      await page.getByRole('link', { name: /^Összevonás ezzel/ }).click();
      await page.getByRole('heading', { name: 'Igénybe vevők összevonása' }).waitFor();
      await page.getByRole('table', { name: 'A két bejegyzés összehasonlítása' }).waitFor();
      found['merge'] = await axeViolations(page);
      await page.getByRole('radio', { name: /A másik bejegyzés marad meg/ }).check();
      await page.getByLabel('Indoklás (kötelező)').fill('Ugyanaz a személy, kétszer felvéve');
      await page.getByRole('button', { name: 'Összevonás' }).click();
      await page.getByRole('alert').filter({ hasText: 'Erősítse meg' }).waitFor();
      await page.getByLabel('Megerősítem, hogy a két bejegyzés ugyanarra a személyre vonatkozik.').check();
      await page.getByRole('button', { name: 'Összevonás' }).click();
      await page.waitForURL((u) => u.pathname === firstFile);
      await page.getByRole('heading', { name: 'Összevont bejegyzések' }).waitFor();
      expect(await page.locator('li', { hasText: clientId }).count()).toBe(1);

      // Erasure: the head's alone, confirmed by typing the individual id.
      expect(await page.getByRole('link', { name: 'Adatok törlése' }).count()).toBe(0);
      await login(asHead.page, head?.sub);
      await asHead.page.goto(firstFile);
      await asHead.page.getByRole('link', { name: 'Adatok törlése' }).click();
      await asHead.page.getByRole('heading', { name: 'Igénybe vevő adatainak törlése' }).waitFor();
      found['erasure'] = await axeViolations(asHead.page);
      const individualId = (await asHead.page.locator('dt:text-is("Egyéni azonosító") + dd').textContent())?.trim() ?? '';
      await asHead.page.getByLabel(/^A megerősítéshez írja be/).fill('000');
      await asHead.page.getByRole('button', { name: 'Végleges törlés' }).click();
      await asHead.page.getByRole('alert').filter({ hasText: 'nem egyezik' }).waitFor();
      await asHead.page.getByLabel(/^A megerősítéshez írja be/).fill(individualId);
      await asHead.page.getByRole('button', { name: 'Végleges törlés' }).click();
      await asHead.page.getByRole('status').filter({ hasText: 'Az igénybe vevő személyes adatai törölve.' }).waitFor();
      await asHead.page.goto(firstFile);
      await asHead.page.getByRole('alert').waitFor();
      expect(await asHead.page.getByText(name).count()).toBe(0);
    } finally {
      await context.close();
      await asHead.context.close();
    }
  }, 150_000);

  it('has no serious or critical axe violations on any new page or form', () => {
    expect(found).toEqual({
      'contact correction': [],
      'contact void': [],
      'client file with history': [],
      'group session': [],
      'service start form': [],
      'client correction': [],
      'merge search': [],
      merge: [],
      erasure: [],
    });
  });
});
