import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveWebApp } from './web-app.js';

@Controller('api/v1/ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class TestModule {}

async function start(dir: string): Promise<{ app: INestApplication; base: string; served: boolean }> {
  const app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
  const served = serveWebApp(app, dir);
  await app.listen(0, '127.0.0.1');
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1'), served };
}

describe('serveWebApp (static files and SPA fallback of the staff web app)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kapocs-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Kapocs</title>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves index.html uncached for app paths, hashed assets for a year, and leaves /api alone', async () => {
    const { app, base, served } = await start(dir);
    try {
      expect(served).toBe(true);
      for (const path of ['/', '/clients/06628/abc', '/naplo']) {
        const res = await fetch(base + path);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toContain('<title>Kapocs</title>');
      }
      const asset = await fetch(`${base}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
      expect(await (await fetch(`${base}/api/v1/ping`)).json()).toEqual({ pong: true });
      expect((await fetch(`${base}/api/v1/unknown`)).status).toBe(404);
      expect((await fetch(`${base}/health/x`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('registers nothing without a web build: / is a 404 and the API still answers', async () => {
    const { app, base, served } = await start(join(dir, 'absent'));
    try {
      expect(served).toBe(false);
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
