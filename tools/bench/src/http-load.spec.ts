import { createServer, type Server } from 'node:http';
import { HttpClient, runHttpLoad } from './http-load.js';

/** A local server that answers every third request 503 and every seventh 409, the rest 201. */
async function flakyServer(): Promise<{ server: Server; url: string; served: () => number }> {
  let n = 0;
  const server = createServer((req, res) => {
    n += 1;
    req.resume();
    req.on('end', () => {
      const status = n % 3 === 0 ? 503 : n % 7 === 0 ? 409 : 201;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ n }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, served: () => n };
}

describe('runHttpLoad', () => {
  it('counts every non-2xx by status and never in the throughput or the success latencies', async () => {
    const { server, url, served } = await flakyServer();
    const client = new HttpClient(url);
    try {
      const seen: number[] = [];
      const r = await runHttpLoad({
        client,
        concurrency: 4,
        warmupSeconds: 0.2,
        seconds: 0.5,
        next: () => ({ method: 'POST', path: '/x', json: { a: 1 } }),
        onReply: (_w, _c, reply) => seen.push(reply.status),
      });
      const measured = r.ok + r.errorCount;
      expect(r.ok).toBeGreaterThan(0);
      expect(r.errors.get('503')).toBeGreaterThan(0);
      expect(r.errors.get('409')).toBeGreaterThan(0);
      expect(r.errorCount).toBe((r.errors.get('503') ?? 0) + (r.errors.get('409') ?? 0));
      expect(r.latency.count).toBe(r.ok);
      expect(r.errorLatency.count).toBe(r.errorCount);
      expect(r.perSecond).toBeCloseTo(r.ok / 0.5, 9);
      // Everything the server answered was seen; the window holds no more than was answered.
      expect(seen.length).toBe(served());
      expect(measured + r.warmupErrorCount).toBeLessThanOrEqual(served());
      expect(r.errorSamples[0]).toMatch(/^(503|409): POST \/x/);
    } finally {
      client.close();
      await new Promise<void>((res) => server.close(() => res()));
    }
  });

  it('reports a transport failure under its error code instead of dropping it', async () => {
    const { server, url } = await flakyServer();
    await new Promise<void>((res) => server.close(() => res()));
    const client = new HttpClient(url);
    try {
      const r = await runHttpLoad({ client, concurrency: 2, warmupSeconds: 0, seconds: 0.2, next: () => ({ method: 'GET', path: '/' }) });
      expect(r.ok).toBe(0);
      expect(r.errors.get('ECONNREFUSED')).toBeGreaterThan(0);
      expect(r.perSecond).toBe(0);
    } finally {
      client.close();
    }
  });
});
