import { randomUUID } from 'node:crypto';
import { parseBenchArgs } from './bench-args.js';
import { busiestSites, clientsOf, openSession, todayInBudapest, type BenchSession, type Site } from './bench-session.js';
import { type HttpCall, runHttpLoad } from './http-load.js';
import { rebuildNaplo } from './naplo-rebuild.js';
import { devToken } from './platform-rig.js';
import { cpuMeter } from './cpu-meter.js';
import { cpuDetails, figure, loadDetails, machineLoad, notAvailable, note, result } from './report.js';

// `npm run bench:intake`: the figures of issue 4 (docs/performance.md), one `name=value` line each.
const TARGETS = { contactsPerS: 1000, p99Ms: 50, pdfMs: 3000, rebuildPerS: 20_000 } as const;

const PROBLEMS = ['9', '1', '2'];
const MODES = ['PHONE', 'IN_PERSON', 'EMAIL'];

interface Worker {
  readonly site: Site;
  readonly token: string;
  readonly sub: string;
  readonly clients: readonly string[];
  next: number;
}

/** 16 concurrent clients, each a settlement worker of a different (busy) site logging contacts of its own clients. */
async function logContacts(s: BenchSession, sites: readonly Site[]): Promise<void> {
  const workers: Worker[] = [];
  const clients = await clientsOf(s.pool, sites, 2000);
  for (const site of sites) {
    const sub = `bench-sw-${site.site}`;
    const token = await devToken(s.client, { sub, role: 'settlement_worker', district: site.district, settlements: [site.site] });
    workers.push({ site, token, sub, clients: clients.get(site.site) ?? [], next: 0 });
  }
  const date = todayInBudapest();
  note(`logging contacts at ${workers.length} sites for ${s.args.warmupSeconds}+${s.args.seconds} s`);
  const cpu = cpuMeter(s.platform.pid);
  const r = await runHttpLoad({
    client: s.client,
    concurrency: s.args.concurrency,
    warmupSeconds: s.args.warmupSeconds,
    seconds: s.args.seconds,
    next: (i): HttpCall => {
      const w = workers[i % workers.length] as Worker;
      const clientId = w.clients[w.next++ % w.clients.length] as string;
      return {
        method: 'POST',
        path: `/api/v1/districts/${w.site.district}/settlements/${w.site.site}/contacts`,
        headers: { authorization: `Bearer ${w.token}`, 'idempotency-key': randomUUID() },
        json: {
          date,
          dutyWorkerId: w.sub,
          subject: { kind: 'client', clientId },
          mode: MODES[w.next % MODES.length],
          problemTypes: [PROBLEMS[w.next % PROBLEMS.length]],
          caseHandling: ['I'],
          description: 'Benchmark: rövid tájékoztatás (mintaadat).',
        },
      };
    },
  });
  result('contacts_logged_per_s', r.perSecond, TARGETS.contactsPerS, 'higher');
  result('log_contact_p99_ms', r.latency.percentile(99), TARGETS.p99Ms, 'lower', 1);
  loadDetails('log_contact', r);
  cpuDetails('log_contact', cpu.stop());
  machineLoad('after_log_contact');
}

/** The year PDF of the busiest site through the export route: three runs, the median is the figure. */
async function yearPdf(s: BenchSession, site: Site): Promise<void> {
  const token = await devToken(s.client, { sub: `bench-dw-${site.district}`, role: 'district_worker', district: site.district });
  const path = `/api/v1/districts/${site.district}/settlements/${site.site}/contact-log/export?year=${s.args.year}&format=pdf`;
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const reply = await s.client.send({ method: 'GET', path, headers: { authorization: `Bearer ${token}`, accept: 'application/pdf' } });
    const ms = performance.now() - t0;
    if (reply.status !== 200 || reply.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`year PDF: ${reply.status} ${reply.body.subarray(0, 300).toString('utf8')}`);
    }
    bytes = reply.body.length;
    times.push(ms);
    note(`year PDF run ${run + 1}: ${ms.toFixed(0)} ms, ${bytes} bytes`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  result('naplo_year_pdf_ms', sorted[1] ?? Number.NaN, TARGETS.pdfMs, 'lower');
  figure('naplo_year_pdf_first_ms', times[0] ?? Number.NaN);
  figure('naplo_year_pdf_max_ms', sorted.at(-1) ?? Number.NaN);
  figure('naplo_year_pdf_entries', site.contacts);
  figure('naplo_year_pdf_bytes', bytes);
  figure('naplo_year_pdf_site', site.site);
  machineLoad('after_pdf');
}

async function rebuild(s: BenchSession): Promise<void> {
  const limit = s.args.rebuildSeconds;
  note(`rebuilding the forgalmi napló from position 0 into a scratch schema${limit ? ` (at most ${limit} s)` : ''}`);
  const r = await rebuildNaplo(s.pool, limit);
  result('rebuild_naplo_events_per_s', r.logEvents / r.seconds, TARGETS.rebuildPerS, 'higher');
  figure('rebuild_naplo_seconds', r.seconds, 1);
  figure('rebuild_naplo_complete', r.complete ? 1 : 0);
  figure('rebuild_naplo_log_events', r.logEvents);
  figure('rebuild_naplo_entries', r.entries);
  figure('rebuild_naplo_entries_per_s', r.entries / r.seconds);
  machineLoad('after_rebuild');
}

/**
 * Two platform starts, so that no figure pays for another: contacts through gateway and intake (the projector is not
 * needed to log, and its first build on a fresh set would compete for the cores), then the napló rebuild while that
 * platform idles; then with the projector, its read models caught up, for the year PDF.
 */
async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const sites = busiestSites(args, args.concurrency);
  const logging = await openSession(args, ['gateway', 'intake']);
  try {
    figure('setting_sites', sites.length);
    await logContacts(logging, sites);
    // The platform stays up, idle: the rebuild runs while the old version serves.
    await rebuild(logging);
  } finally {
    await logging.close();
  }
  const catchUpMs = (args.catchUpMinutes ?? 120) * 60_000;
  const reading = await openSession(args, ['gateway', 'intake', 'projector'], {}, catchUpMs).catch((e: unknown) => e as Error);
  if (reading instanceof Error) {
    notAvailable('naplo_year_pdf_ms', TARGETS.pdfMs, `the projector did not build its read models in time: ${reading.message}`);
  } else {
    try {
      await yearPdf(reading, sites[0] as Site);
    } catch (e) {
      notAvailable('naplo_year_pdf_ms', TARGETS.pdfMs, (e as Error).message.slice(0, 300));
    } finally {
      await reading.close();
    }
  }
  machineLoad('end');
}

main().catch((e: unknown) => {
  note(`benchmark failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
