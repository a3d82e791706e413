import { Agent, request as httpRequest } from 'node:http';
import { LatencyHistogram } from './histogram.js';

/** One HTTP call of a benchmark: JSON bodies are serialised, other bodies are sent as given. */
export interface HttpCall {
  readonly method: string;
  /** Path with query, e.g. `/api/v1/districts/121/caseload`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export const replyJson = <T = Record<string, unknown>>(reply: HttpReply): T => JSON.parse(reply.body.toString('utf8')) as T;
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** A keep-alive HTTP client for one base URL: one socket per concurrent caller, as a browser or proxy keeps them. */
export class HttpClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets = 64) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(call: HttpCall): Promise<HttpReply> {
    const body = call.json === undefined ? undefined : Buffer.from(JSON.stringify(call.json));
    const headers: Record<string, string | number> = { accept: 'application/json', ...call.headers };
    if (body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = body.length;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: this.host, port: this.port, method: call.method, path: call.path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface HttpLoadOptions {
  readonly client: HttpClient;
  /** Closed-loop callers: each sends its next call as soon as the previous one answered. */
  readonly concurrency: number;
  /** Run but not counted: connection setup, JIT and plan caches. */
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** The next call of caller `worker`; may keep per-caller state (versions, ids). */
  next(worker: number): HttpCall | Promise<HttpCall>;
  /** Sees every answer (also during warm-up), e.g. to keep the ETag a later call needs. */
  onReply?(worker: number, call: HttpCall, reply: HttpReply): void;
}

export interface HttpLoadResult {
  /** 2xx answers inside the measured window. */
  readonly ok: number;
  /** Every other outcome inside the measured window, by status (`ECONNRESET` etc. for transport errors). */
  readonly errors: ReadonlyMap<string, number>;
  readonly errorCount: number;
  /** Failures during warm-up, reported too: nothing is silently dropped. */
  readonly warmupErrorCount: number;
  /** The first few error bodies, to tell a validation error from an overload. */
  readonly errorSamples: readonly string[];
  readonly seconds: number;
  /** 2xx answers per second of the measured window. */
  readonly perSecond: number;
  /** Latency of the measured 2xx answers. */
  readonly latency: LatencyHistogram;
  /** Latency of the measured failures. */
  readonly errorLatency: LatencyHistogram;
}

/**
 * The load driver shared by bench:intake, bench:casework and bench:signals: fixed concurrency, warm-up, a latency
 * histogram, and every non-2xx (or transport error) counted and reported, never dropped. A call counts in the window
 * it started in; calls still running at the end are awaited but not counted, so the window is exact.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const start = nowMs();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const latency = new LatencyHistogram();
  const errorLatency = new LatencyHistogram();
  const errors = new Map<string, number>();
  const errorSamples: string[] = [];
  let ok = 0;
  let warmupErrorCount = 0;
  const fail = (key: string, sample: string, measured: boolean, ms: number): void => {
    if (errorSamples.length < 5) errorSamples.push(`${key}: ${sample.slice(0, 300)}`);
    if (!measured) {
      warmupErrorCount += 1;
      return;
    }
    errors.set(key, (errors.get(key) ?? 0) + 1);
    errorLatency.record(ms);
  };
  const caller = async (worker: number): Promise<void> => {
    for (;;) {
      const call = await options.next(worker);
      const t0 = nowMs();
      if (t0 >= end) return;
      const measured = t0 >= measureFrom;
      try {
        const reply = await options.client.send(call);
        const t1 = nowMs();
        options.onReply?.(worker, call, reply);
        if (t1 > end && measured) return;
        if (isSuccess(reply.status)) {
          if (measured) {
            ok += 1;
            latency.record(t1 - t0);
          }
        } else {
          fail(String(reply.status), `${call.method} ${call.path} ${reply.body.toString('utf8')}`, measured, t1 - t0);
        }
      } catch (e) {
        const code = (e as { code?: string }).code ?? (e as Error).name;
        fail(code, `${call.method} ${call.path} ${(e as Error).message}`, measured, nowMs() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => caller(w)));
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  return {
    ok,
    errors,
    errorCount,
    warmupErrorCount,
    errorSamples,
    seconds: options.seconds,
    perSecond: ok / options.seconds,
    latency,
    errorLatency,
  };
}
