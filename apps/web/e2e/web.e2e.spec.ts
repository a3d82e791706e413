import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_LOGINS } from '@kapocs/intake/demo';

// The staff web app in headless Chromium against the built platform (embedded default: the demo Szécsényi járás).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const main = join(root, 'dist', 'apps', 'all', 'src', 'main.js');
const webIndex = join(root, 'dist', 'apps', 'web', 'index.html');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const worker = DEMO_LOGINS.find((l) => l.role === 'settlement_worker' && l.settlements[0] === '06628');

/** Polls `check` until it returns a value, failing after `ms` (bounded polling in one place, no fixed sleeps). */
async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

async function startPlatform(dataDir: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAPOCS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  for (const k of ['DATABASE_URL', 'NATS_URL', 'TARGETS', 'KAPOCS_WEB_DIR']) delete env[k];
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-5000)));
  child.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-5000)));
  const state = await waitFor('/health/ready', 120_000, async () => {
    if (child.exitCode !== null) return 'exited';
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200 ? 'ready' : undefined;
  }).catch((e: Error) => e.message);
  if (state !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`platform did not start (${state}):\n${out}`);
  }
  return child;
}

/** axe-core in the page: the serious and critical WCAG 2.1 A/AA violations, as readable strings. */
async function axeViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // Runs in the page: the spec is type-checked without the DOM lib, so the globals are declared here.
    const w = globalThis as unknown as { axe: { run: (ctx: unknown, o: object) => Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const r = await w.axe.run(w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function pdfText(path: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  return text;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
/** A fictitious, unique name: letters only, so duplicate detection of other runs never matches it. */
const uniqueName = () => {
  const letters = [...randomBytes(7)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `Próba ${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
};

describe('staff web app in headless Chromium', () => {
  let dir: string;
  let platform: ChildProcess | undefined;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(main) || !existsSync(webIndex)) {
      spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    }
    expect(existsSync(webIndex)).toBe(true);
    expect(existsSync(CHROMIUM)).toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'kapocs-web-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    [platform, browser] = await Promise.all([
      startPlatform(join(dir, 'data'), port),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (platform && platform.exitCode === null) {
      const exited = new Promise((ok) => platform?.once('exit', ok));
      platform.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ baseURL: base, acceptDownloads: true, locale: 'hu-HU' });
    context.setDefaultTimeout(20_000);
    return { context, page: await context.newPage() };
  };

  const login = async (page: Page) => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Bejelentkezés' }).waitFor();
    await page.locator(`button[data-sub="${worker?.sub}"]`).click();
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
      await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
      await page.getByLabel('Név (kötelező)', { exact: true }).fill(name);
      await page.getByLabel('Anyja születési neve').fill('Minta Mária');
      await page.getByLabel('Születési hely').fill('Szécsény');
      await page.getByLabel('Születési dátum').fill('1985-04-12');
      await page.getByLabel('Nem').selectOption('2');
      await page.getByRole('button', { name: 'Mentés' }).click();
      await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
      const individualId = (await page.locator('dt:text-is("Egyéni azonosító") + dd').textContent())?.trim() ?? '';
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
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const { context, page } = await newPage();
    const found: Record<string, string[]> = {};
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Bejelentkezés' }).waitFor();
      await page.locator('.demo-logins button').first().waitFor();
      found['login'] = await axeViolations(page, axeSource);

      await page.locator(`button[data-sub="${worker?.sub}"]`).click();
      await page.getByRole('heading', { name: 'Igénybe vevő keresése' }).waitFor();
      await page.getByLabel('Név', { exact: true }).fill('Nagy');
      await page.getByRole('button', { name: 'Keresés', exact: true }).click();
      await page.locator('table.results tbody tr').first().waitFor();
      found['search'] = await axeViolations(page, axeSource);

      const first = page.locator('table.results tbody tr a').first();
      const href = (await first.getAttribute('href')) ?? '';
      await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
      await page.getByRole('heading', { name: 'Nyilvántartásba vétel' }).waitFor();
      found['register'] = await axeViolations(page, axeSource);

      await page.goto(href);
      await page.locator('dl.identity').waitFor();
      found['client file'] = await axeViolations(page, axeSource);

      await page.keyboard.press('k');
      await page.getByRole('heading', { name: 'Kapcsolatfelvétel rögzítése' }).waitFor();
      found['log contact'] = await axeViolations(page, axeSource);

      await page.getByRole('link', { name: 'Forgalmi napló' }).click();
      await page.getByRole('status').filter({ hasText: 'bejegyzés' }).waitFor();
      found['forgalmi napló'] = await axeViolations(page, axeSource);
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
