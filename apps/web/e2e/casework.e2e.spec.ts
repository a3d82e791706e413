import type { Page } from 'playwright-core';
import { DEMO_LOGINS } from '@kapocs/intake/demo';
import { axeViolations, type BrowserRig, loginAs, pdfText, registerClient, startBrowserRig, uniqueName, waitFor } from './support.js';

// Casework in headless Chromium against the built platform (embedded default: the demo Szécsényi járás): from a
// client's file to a closed case and its esetnapló PDF, with axe-core on every casework page on the way.
const worker = DEMO_LOGINS.find((l) => l.role === 'settlement_worker' && l.settlements[0] === '06628');
const head = DEMO_LOGINS.find((l) => l.role === 'head');

const budapestDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

describe('casework in headless Chromium', () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startBrowserRig();
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  const login = async (page: Page, sub: string | undefined) => {
    await loginAs(page, sub);
    await page.getByRole('heading', { name: 'Igénybe vevő keresése' }).waitFor();
  };

  /** Saves the open case form and waits until the page shows the new version. */
  const save = async (page: Page, version: number) => {
    await page.locator('form.case-form').getByRole('button', { name: 'Mentés' }).click();
    await page.locator('.case-meta', { hasText: `Verzió: ${version}` }).waitFor();
  };

  it('opens a case from a client file, records problem, plan, agreement and two measures, closes it and prints the esetnapló', async () => {
    expect(worker).toBeDefined();
    const workerName = (worker?.displayName ?? '').replace(/\s*\(.*\)\s*$/, '');
    const { context, page } = await rig.newPage();
    const found: Record<string, string[]> = {};
    try {
      await login(page, worker?.sub);
      const name = uniqueName();
      const individualId = await registerClient(page, name, '1984-02-29');
      expect(individualId).toMatch(/^\d+$/);

      // Gondozásba vétel from the client's file: identity is not typed again.
      await page.getByRole('link', { name: 'Gondozásba vétel' }).click();
      await page.getByRole('heading', { name: 'Gondozásba vétel (esetnapló nyitása)' }).waitFor();
      await page.getByText(name).first().waitFor();
      found['open case'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Gondozásba vétel' }).click();
      await page.getByRole('heading', { name: `Esetnapló: ${name}` }).waitFor();
      await page.locator('.case-meta', { hasText: 'Verzió: 0' }).waitFor();

      await page.getByRole('button', { name: 'A probléma definíciója' }).click();
      await page.getByLabel('Hozott probléma').fill('Nem tudjuk fizetni a villanyszámlát.');
      await page.getByLabel('A segítő definíciója').fill('Eladósodás, közüzemi hátralék.');
      await page.getByLabel('Közösen elfogadott probléma').fill('A hátralék rendezése részletfizetéssel.');
      await page.getByLabel('Probléma típusa (kódok)').fill('5');
      found['case page with a form'] = await axeViolations(page);
      await save(page, 1);

      await page.getByRole('button', { name: 'Új cél' }).click();
      await page.getByLabel('Cél (kötelező)', { exact: true }).fill('Részletfizetési megállapodás a szolgáltatóval');
      await page.getByLabel('Eszközök').fill('Közös levél, egyeztetés');
      await page.getByLabel('Határidő').fill(budapestDay(30));
      await save(page, 2);
      await page.locator('table.goals tbody tr').first().waitFor();

      await page.getByRole('button', { name: 'Megállapodás rögzítése' }).click();
      await page.getByLabel('A segítő vállalásai').fill('Levelet ír a szolgáltatónak.');
      await page.getByLabel('Az igénybe vevő vállalásai').fill('Behozza a számlákat.');
      await page.getByLabel('Várható teljesülés').fill(budapestDay(30));
      await page.getByLabel('táblagépen aláírva').check();
      await save(page, 3);

      // Two measures, each also logged in the forgalmi napló in the same step.
      for (const [i, text] of ['Levél a szolgáltatónak', 'Családlátogatás'].entries()) {
        await page.getByRole('button', { name: 'Intézkedés rögzítése' }).click();
        await page.getByLabel('Leírás').fill(text);
        await page.getByLabel('Esetkezelés jellege').selectOption(i === 0 ? 'UI' : 'CSL');
        expect(await page.getByLabel('Kapcsolatfelvételként a forgalmi naplóba is').isChecked()).toBe(true);
        await save(page, 4 + i);
      }
      await page.locator('.entries li', { hasText: 'Családlátogatás' }).waitFor();

      // Another tab of the same worker records first: this tab's save is stale and says so in Hungarian (412).
      await page.getByRole('button', { name: 'Folyamatértékelés rögzítése' }).click();
      await page.getByLabel('Értékelés (kötelező)', { exact: true }).fill('Együttműködő, a vállalásait teljesíti.');
      const other = await context.newPage();
      await login(other, worker?.sub);
      await other.goto(page.url());
      await other.locator('.case-meta', { hasText: 'Verzió: 5' }).waitFor();
      await other.getByRole('button', { name: 'Folyamatértékelés rögzítése' }).click();
      await other.getByLabel('Értékelés (kötelező)', { exact: true }).fill('Első értékelés a másik lapról.');
      await save(other, 6);
      await other.close();
      await page.locator('form.case-form').getByRole('button', { name: 'Mentés' }).click();
      await page.getByRole('alert').filter({ hasText: 'Az adatot időközben módosították' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('WRONG_EXPECTED_VERSION');
      await page.getByRole('button', { name: 'Újratöltés' }).click();
      await page.locator('.case-meta', { hasText: 'Verzió: 6' }).waitFor();
      await save(page, 7);

      await page.getByRole('button', { name: 'Idővonal' }).click();
      await page.locator('ol.timeline li').nth(5).waitFor();
      found['case timeline'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Belső tartalom' }).click();

      await page.getByRole('button', { name: 'Gondozás megszűnése (lezárás)' }).click();
      await page.getByLabel('Indok').fill('A megállapodás teljesült.');
      await save(page, 8);
      await page.locator('.case-meta', { hasText: 'lezárt' }).waitFor();
      found['closed case'] = await axeViolations(page);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esetnapló PDF letöltése' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^esetnaplo-.*\.pdf$/);
      const text = await pdfText(await download.path());
      expect(text).toContain('ESETNAPLÓ');
      expect(text).toContain(name);
      expect(text).toContain(individualId);
      expect(text).toContain('Esetfelelős');
      expect(text).toContain(workerName);
      expect(text).toContain('A hátralék rendezése részletfizetéssel.');
      expect(text).toContain('Családlátogatás');

      // "As of" a day: the same esetnapló read-only (a closed case offers reopening only in the current view).
      expect(await page.getByRole('button', { name: 'Újranyitás' }).count()).toBe(1);
      await page.getByLabel('Az esetnapló állapota e nap végén').fill(budapestDay());
      await page.getByRole('button', { name: 'Megjelenítés' }).click();
      await page.getByText('nap végén érvényes állapotát látja').waitFor();
      await page.locator('.entries li', { hasText: 'Családlátogatás' }).waitFor();
      expect(await page.getByRole('button', { name: 'Újranyitás' }).count()).toBe(0);
      found['as of'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Jelenlegi állapot' }).click();
      await page.getByRole('button', { name: 'Újranyitás' }).waitFor();

      // The two measures are in the client's forgalmi napló too, entered once each.
      await page.getByRole('link', { name: 'Igénybe vevő adatai' }).click();
      await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
      await waitFor('the two napló entries of the measures', 30_000, async () => ((await page.locator('table.log tbody tr').count()) === 2 ? true : undefined));

      await page.getByRole('link', { name: 'Eseteim' }).click();
      await page.getByRole('heading', { name: 'Eseteim (esetfelelősként)' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'nyitott eset' }).waitFor();
      found['caseload'] = await axeViolations(page);
    } finally {
      await context.close();
    }
    expect(found).toEqual({ 'open case': [], 'case page with a form': [], 'case timeline': [], 'closed case': [], 'as of': [], caseload: [] });
  }, 150_000);

  it('opens a family case with the members picked from the register’s household, children on the cover page', async () => {
    const { context, page } = await rig.newPage();
    try {
      await login(page, worker?.sub);
      const household = `H${Date.now().toString(36)}`;
      const register = async (name: string, birthDate: string, relation: string) => {
        await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
        await page.getByLabel('Név (kötelező)', { exact: true }).fill(name);
        await page.getByLabel('Anyja születési neve').fill('Minta Mária');
        await page.getByLabel('Születési hely').fill('Szécsény');
        await page.getByLabel('Születési dátum').fill(birthDate);
        await page.getByLabel('Nem').selectOption('2');
        await page.getByLabel('Háztartás azonosító').fill(household);
        await page.getByLabel('Háztartásbeli kapcsolat').selectOption(relation);
        await page.getByRole('button', { name: 'Mentés' }).click();
        await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
        return new URL(page.url()).pathname;
      };
      const parent = uniqueName();
      const child = uniqueName('Kis');
      const parentFile = await register(parent, '1982-03-04', 'HEAD');
      await register(child, '2016-05-06', 'CHILD');

      const member = page.getByRole('checkbox', { name: new RegExp(child) });
      await waitFor('the child in the household list of the open-case page', 30_000, async () => {
        await page.goto(`${parentFile}/cases/new`);
        await page.getByRole('heading', { name: 'Gondozásba vétel (esetnapló nyitása)' }).waitFor();
        await page.locator('form[aria-label="Gondozásba vétel"] fieldset').waitFor();
        return (await member.count()) === 1 ? true : undefined;
      });
      await member.check();
      await page.getByRole('button', { name: 'Gondozásba vétel' }).click();
      await page.getByRole('heading', { name: `Esetnapló: ${parent}` }).waitFor();
      const children = (await page.locator('dt:text-is("Gyermekei (név, életkor)") + dd').textContent()) ?? '';
      expect(children).toContain(child);
      expect(children).toMatch(/\(\d+\)/);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows the head the overview per settlement without serious or critical axe violations', async () => {
    expect(head).toBeDefined();
    const { context, page } = await rig.newPage();
    try {
      await login(page, head?.sub);
      await page.getByRole('link', { name: 'Esetek áttekintése' }).click();
      await page.getByRole('heading', { name: 'Esetek áttekintése (intézményvezető)' }).waitFor();
      await page.locator('table.overview tfoot tr').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
