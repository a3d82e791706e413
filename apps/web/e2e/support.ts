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

// Shared by the browser suites: start the built platform (embedded default: the demo Szécsényi járás) on a data
// directory of its own, drive /usr/bin/chromium, check accessibility with axe-core, read PDFs.
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const main = join(root, 'dist', 'apps', 'all', 'src', 'main.js');
const webIndex = join(root, 'dist', 'apps', 'web', 'index.html');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);

/** Polls `check` until it returns a value, failing after `ms` (bounded polling in one place, no fixed sleeps). */
export async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

async function startPlatform(dataDir: string, port: number, extraEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAPOCS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  for (const k of ['DATABASE_URL', 'NATS_URL', 'TARGETS', 'KAPOCS_WEB_DIR']) delete env[k];
  Object.assign(env, extraEnv);
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

/** The built platform and a headless Chromium, for one browser suite. */
export interface BrowserRig {
  readonly base: string;
  readonly browser: Browser;
  /** A fresh browser context (own cookies and session storage) on the platform. */
  newPage(options?: { viewport?: { width: number; height: number }; isMobile?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Builds when needed, starts the platform on a data directory of its own and launches Chromium. */
export async function startBrowserRig(extraEnv: NodeJS.ProcessEnv = {}): Promise<BrowserRig> {
  if (!existsSync(main) || !existsSync(webIndex)) {
    spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(webIndex)) throw new Error(`the web app is not built: ${webIndex}`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
  const dir = await mkdtemp(join(tmpdir(), 'kapocs-web-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const [platform, browser] = await Promise.all([
    startPlatform(join(dir, 'data'), port, extraEnv),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  ]);
  return {
    base,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: base, acceptDownloads: true, locale: 'hu-HU', ...options });
      context.setDefaultTimeout(20_000);
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      if (platform.exitCode === null) {
        const exited = new Promise((ok) => platform.once('exit', ok));
        platform.kill('SIGTERM');
        await exited;
      }
      // The embedded PostgreSQL child may still flush its WAL for a moment after the platform exits (ENOTEMPTY).
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

let axeSource: string | undefined;

/** axe-core in the page: the serious and critical WCAG 2.1 A/AA violations, as readable strings. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
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

/** The text of a PDF file, page by page (pdf.js). */
export async function pdfText(path: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  return text;
}

export const count = (text: string, needle: string) => text.split(needle).length - 1;

/** A fictitious, unique name: letters only, so duplicate detection of other runs never matches it. */
export const uniqueName = (prefix = 'Próba') => {
  const letters = [...randomBytes(7)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix} ${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
};

/** Logs in through the login page's demo button of `sub`; waits for the shell (the start page depends on the role). */
export async function loginAs(page: Page, sub: string | undefined): Promise<void> {
  if (!sub) throw new Error('no demo login for this role');
  await page.goto('/');
  await page.getByRole('heading', { name: 'Bejelentkezés' }).waitFor();
  await page.locator(`button[data-sub="${sub}"]`).click();
  await page.getByRole('button', { name: 'Kijelentkezés' }).waitFor();
}

/** Registers a client through the form (Hungarian UI) and returns the individual id shown on the client file. */
export async function registerClient(page: Page, name: string, birthDate: string): Promise<string> {
  await page.getByRole('link', { name: 'Új igénybe vevő' }).click();
  await page.getByLabel('Név (kötelező)', { exact: true }).fill(name);
  await page.getByLabel('Anyja születési neve').fill('Minta Mária');
  await page.getByLabel('Születési hely').fill('Szécsény');
  await page.getByLabel('Születési dátum').fill(birthDate);
  await page.getByLabel('Nem').selectOption('2');
  await page.getByRole('button', { name: 'Mentés' }).click();
  await page.getByRole('heading', { name: `Igénybe vevő adatai: ${name}` }).waitFor();
  return (await page.locator('dt:text-is("Egyéni azonosító") + dd').textContent())?.trim() ?? '';
}
