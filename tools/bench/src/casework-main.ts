import { randomUUID } from 'node:crypto';
import { parseBenchArgs } from './bench-args.js';
import { busiestSites, clientsOf, openSession, todayInBudapest, type BenchSession, type Site } from './bench-session.js';
import { type HttpCall, type HttpReply, isSuccess, replyJson, runHttpLoad } from './http-load.js';
import { devToken } from './platform-rig.js';
import { cpuMeter } from './cpu-meter.js';
import { cpuDetails, figure, loadDetails, machineLoad, note, result } from './report.js';

// `npm run bench:casework`: the figures of issue 5 (docs/performance.md), one `name=value` line each.
const TARGETS = { commandsPerS: 800, p99Ms: 60, pdfMs: 1000, caseloadP95Ms: 50 } as const;
/** Entries of the case whose esetnapló is printed: problem definition, goal, agreement and measures. */
const PDF_CASE_ENTRIES = 200;

interface OpenCase {
  readonly caseId: string;
  version: number;
  readonly goals: string[];
  commands: number;
}

interface Worker {
  readonly site: Site;
  readonly sub: string;
  readonly token: string;
  readonly clients: readonly string[];
  readonly cases: OpenCase[];
  nextClient: number;
  /** What the call in flight changes when it succeeds. */
  pending?: (reply: HttpReply) => void;
  opened: number;
}

const casesPath = (w: Worker): string => `/api/v1/districts/${w.site.district}/settlements/${w.site.site}/cases`;
const versionOf = (reply: HttpReply): number => Number(replyJson<{ version: string }>(reply).version);

/** The mix a case worker's day produces: mostly measures, then plans, openings, evaluations, a few closings. */
function nextCommand(w: Worker, today: string, deadline: string): HttpCall {
  const auth = { authorization: `Bearer ${w.token}` };
  const roll = Math.random();
  if (w.cases.length < 3 || roll < 0.1) {
    const caseId = randomUUID();
    const clientId = w.clients[w.nextClient++ % w.clients.length] as string;
    w.pending = () => {
      w.cases.push({ caseId, version: 0, goals: [], commands: 0 });
      w.opened += 1;
    };
    return {
      method: 'POST',
      path: casesPath(w),
      headers: { ...auth, 'idempotency-key': randomUUID() },
      json: { caseId, clientId, responsibleWorkerId: w.sub, openedOn: today },
    };
  }
  const c = w.cases[Math.floor(Math.random() * w.cases.length)] as OpenCase;
  const headers = { ...auth, 'if-match': `"${c.version}"` };
  const path = `${casesPath(w)}/${c.caseId}`;
  const bump = (reply: HttpReply): void => {
    c.version = versionOf(reply);
    c.commands += 1;
  };
  if (roll < 0.2) {
    w.pending = bump;
    const body = { definedOn: today, problemTypes: ['5'], presented: 'Nem tudjuk fizetni a számlákat.', workerDefinition: 'Eladósodás.', agreed: 'Hátralék rendezése.' };
    return { method: 'POST', path: `${path}/problem-definitions`, headers, json: body };
  }
  if (roll < 0.35) {
    const goalId = randomUUID();
    w.pending = (reply) => (bump(reply), c.goals.push(goalId));
    const body = { goalId, term: 'short', deadline, responsible: w.sub, goal: 'Részletfizetési megállapodás.', means: 'Egyeztetés a szolgáltatóval.' };
    return { method: 'POST', path: `${path}/goals`, headers, json: body };
  }
  if (roll < 0.45 && c.goals.length > 0) {
    const goalId = c.goals[0] as string;
    w.pending = (reply) => (bump(reply), c.goals.shift());
    return { method: 'POST', path: `${path}/goals/${goalId}/evaluations`, headers, json: { evaluatedOn: today, achieved: true, why: 'A részletfizetés elindult.' } };
  }
  if (roll < 0.53) {
    w.pending = bump;
    const body = { signedOn: today, expectedCompletion: deadline, signature: 'tablet', workerUndertakings: 'Ügyintézés segítése.', clientUndertakings: 'Iratok behozása.' };
    return { method: 'POST', path: `${path}/agreements`, headers, json: body };
  }
  if (roll < 0.57) {
    w.pending = bump;
    return { method: 'POST', path: `${path}/process-evaluations`, headers, json: { evaluatedOn: today, summary: 'A folyamat halad.' } };
  }
  if (roll < 0.6 && c.commands > 5) {
    w.pending = () => w.cases.splice(w.cases.indexOf(c), 1);
    return { method: 'POST', path: `${path}/closure`, headers, json: { closedOn: today, reason: 'A megállapodás teljesült.' } };
  }
  w.pending = bump;
  return { method: 'POST', path: `${path}/measures`, headers, json: { measureId: randomUUID(), date: today, kind: 'CSL', description: 'Családlátogatás (mintaadat).' } };
}

async function workersAt(s: BenchSession, sites: readonly Site[]): Promise<Worker[]> {
  const workers: Worker[] = [];
  const clients = await clientsOf(s.pool, sites, 2000);
  for (const site of sites) {
    const sub = `bench-cw-${site.site}`;
    const token = await devToken(s.client, { sub, role: 'settlement_worker', district: site.district, settlements: [site.site] });
    workers.push({ site, sub, token, clients: clients.get(site.site) ?? [], cases: [], nextClient: 0, opened: 0 });
  }
  return workers;
}

async function mixedCommands(s: BenchSession, workers: Worker[]): Promise<void> {
  const today = todayInBudapest();
  const deadline = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  note(`mixed case commands by ${workers.length} workers for ${s.args.warmupSeconds}+${s.args.seconds} s`);
  const cpu = cpuMeter(s.platform.pid);
  const r = await runHttpLoad({
    client: s.client,
    concurrency: s.args.concurrency,
    warmupSeconds: s.args.warmupSeconds,
    seconds: s.args.seconds,
    next: (i) => nextCommand(workers[i % workers.length] as Worker, today, deadline),
    onReply: (i, _call, reply) => {
      const w = workers[i % workers.length] as Worker;
      if (isSuccess(reply.status)) w.pending?.(reply);
      w.pending = undefined;
    },
  });
  result('case_commands_per_s', r.perSecond, TARGETS.commandsPerS, 'higher');
  result('case_command_p99_ms', r.latency.percentile(99), TARGETS.p99Ms, 'lower', 1);
  loadDetails('case_command', r);
  cpuDetails('case_command', cpu.stop());
  figure('case_command_cases_opened', workers.reduce((n, w) => n + w.opened, 0));
  machineLoad('after_case_commands');
}

/** A case with 200 entries written through the API, then its esetnapló PDF: three runs, the median is the figure. */
async function esetnaploPdf(s: BenchSession, w: Worker): Promise<void> {
  const today = todayInBudapest();
  const auth = { authorization: `Bearer ${w.token}` };
  const caseId = randomUUID();
  const open = await s.client.send({
    method: 'POST',
    path: casesPath(w),
    headers: { ...auth, 'idempotency-key': randomUUID() },
    json: { caseId, clientId: w.clients[0], responsibleWorkerId: w.sub, openedOn: today },
  });
  if (open.status !== 201) throw new Error(`open case: ${open.status} ${open.body.toString('utf8')}`);
  let version = versionOf(open);
  const path = `${casesPath(w)}/${caseId}`;
  const entries: [string, unknown][] = [
    ['problem-definitions', { definedOn: today, problemTypes: ['5'], presented: 'Nem tudjuk fizetni a számlákat.', workerDefinition: 'Eladósodás.', agreed: 'Hátralék rendezése.' }],
    ['goals', { term: 'long', deadline: today, responsible: w.sub, goal: 'Adósságmentes háztartás.', means: 'Havi költségvetés, részletfizetés.' }],
    ['agreements', { signedOn: today, expectedCompletion: today, signature: 'paper_scan', workerUndertakings: 'Havi találkozó.', clientUndertakings: 'Számlák behozása.' }],
  ];
  for (let i = entries.length; i < PDF_CASE_ENTRIES; i++) {
    entries.push(['measures', { measureId: randomUUID(), date: today, kind: i % 2 ? 'CSL' : 'UI', description: `Intézkedés ${i}: egyeztetés a családdal és a szolgáltatóval (mintaadat).` }]);
  }
  for (const [step, json] of entries) {
    const reply = await s.client.send({ method: 'POST', path: `${path}/${step}`, headers: { ...auth, 'if-match': `"${version}"` }, json });
    if (reply.status !== 200) throw new Error(`${step}: ${reply.status} ${reply.body.toString('utf8')}`);
    version = versionOf(reply);
  }
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const reply = await s.client.send({ method: 'GET', path: `${path}/export`, headers: { ...auth, accept: 'application/pdf' } });
    times.push(performance.now() - t0);
    if (reply.status !== 200 || reply.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`esetnapló PDF: ${reply.status} ${reply.body.subarray(0, 300).toString('utf8')}`);
    }
    bytes = reply.body.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  result('esetnaplo_pdf_ms', sorted[1] ?? Number.NaN, TARGETS.pdfMs, 'lower');
  figure('esetnaplo_pdf_first_ms', times[0] ?? Number.NaN);
  figure('esetnaplo_pdf_max_ms', sorted.at(-1) ?? Number.NaN);
  figure('esetnaplo_pdf_entries', entries.length);
  figure('esetnaplo_pdf_bytes', bytes);
  machineLoad('after_pdf');
}

/**
 * Open cases of the worker whose caseload is read: the top of a family worker's usual caseload (25–45 families).
 * Until the fourth session the figure read the command load's busiest worker, whose open cases grew with the load's
 * length and with every earlier run (worker ids are stable): 32 to 131 cases, so the figure measured the history of
 * the benchmark database, not a worker.
 */
const CASELOAD_CASES = 45;

/** A worker of a busy site with exactly CASELOAD_CASES open cases, every third with an open goal (a fresh id per run). */
async function caseloadWorker(s: BenchSession, site: Site, clients: readonly string[]): Promise<{ worker: Worker; checkpoint: string }> {
  const sub = `bench-cl-${site.site}-${randomUUID().slice(0, 8)}`;
  const token = await devToken(s.client, { sub, role: 'settlement_worker', district: site.district, settlements: [site.site] });
  const w: Worker = { site, sub, token, clients, cases: [], nextClient: 0, opened: 0 };
  const today = todayInBudapest();
  const deadline = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const auth = { authorization: `Bearer ${token}` };
  let checkpoint = '';
  for (let i = 0; i < CASELOAD_CASES; i++) {
    const caseId = randomUUID();
    const open = await s.client.send({
      method: 'POST',
      path: casesPath(w),
      headers: { ...auth, 'idempotency-key': randomUUID() },
      json: { caseId, clientId: clients[i % clients.length], responsibleWorkerId: sub, openedOn: today },
    });
    if (open.status !== 201) throw new Error(`open case: ${open.status} ${open.body.toString('utf8')}`);
    w.cases.push({ caseId, version: versionOf(open), goals: [], commands: 0 });
    checkpoint = replyJson<{ checkpoint: string }>(open).checkpoint;
    if (i % 3 === 0) {
      const goal = await s.client.send({
        method: 'POST',
        path: `${casesPath(w)}/${caseId}/goals`,
        headers: { ...auth, 'if-match': `"${versionOf(open)}"` },
        json: { goalId: randomUUID(), term: 'short', deadline, responsible: sub, goal: 'Részletfizetési megállapodás.', means: 'Egyeztetés.' },
      });
      if (goal.status !== 200) throw new Error(`goal: ${goal.status} ${goal.body.toString('utf8')}`);
      checkpoint = replyJson<{ checkpoint: string }>(goal).checkpoint;
    }
  }
  return { worker: w, checkpoint };
}

/** The caseload of a worker with CASELOAD_CASES open cases, read by 16 concurrent callers, and by one alone. */
async function caseload(s: BenchSession, { worker: w, checkpoint }: { worker: Worker; checkpoint: string }): Promise<void> {
  const path = `/api/v1/districts/${w.site.district}/caseload`;
  const headers = { authorization: `Bearer ${w.token}` };
  // The caseload is a projection: the first read waits until it holds the cases just opened.
  const check = await s.client.send({ method: 'GET', path: `${path}?after=${encodeURIComponent(checkpoint)}`, headers });
  if (check.status !== 200) throw new Error(`caseload: ${check.status} ${check.body.toString('utf8')}`);
  const shown = replyJson<{ openCases: unknown[] }>(check).openCases.length;
  if (shown !== w.cases.length) throw new Error(`caseload shows ${shown} open cases, ${w.cases.length} were opened`);
  const run = (concurrency: number) =>
    runHttpLoad({ client: s.client, concurrency, warmupSeconds: 1, seconds: Math.min(10, s.args.seconds), next: () => ({ method: 'GET', path, headers }) });
  const r = await run(s.args.concurrency);
  result('caseload_query_p95_ms', r.latency.percentile(95), TARGETS.caseloadP95Ms, 'lower', 1);
  figure('caseload_query_per_s', r.perSecond);
  loadDetails('caseload_query', r);
  const alone = await run(1);
  figure('caseload_query_c1_p95_ms', alone.latency.percentile(95), 1);
  figure('caseload_query_c1_errors', alone.errorCount);
  figure('caseload_open_cases', w.cases.length);
  figure('caseload_cases_shown', shown);
  machineLoad('after_caseload');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const s = await openSession(args, ['gateway', 'intake', 'casework']);
  try {
    const sites = busiestSites(args, args.concurrency);
    figure('setting_sites', sites.length);
    const workers = await workersAt(s, sites);
    await mixedCommands(s, workers);
    await esetnaploPdf(s, workers[0] as Worker);
    const first = workers[0] as Worker;
    await caseload(s, await caseloadWorker(s, first.site, first.clients));
    machineLoad('end');
  } finally {
    await s.close();
  }
}

main().catch((e: unknown) => {
  note(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});

