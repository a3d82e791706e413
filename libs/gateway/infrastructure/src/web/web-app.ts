import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Paths the API owns: never answered with the web app. */
const API_PATHS = /^\/(api|health|metrics)(\/|$)/;
/** Files that exist or are a 404: a missing script must not be answered with index.html. */
const FILE_PATHS = /^\/(assets|reference)\/|\.[a-z0-9]+$/i;
const YEAR_S = 365 * 24 * 3600;

/**
 * Where the built staff web app lives: `KAPOCS_WEB_DIR`, else `dist/apps/web` next to the running build (this file is
 * `dist/libs/gateway/infrastructure/src/web/web-app.js` there), else under the working directory (tests from source).
 */
export function webAppDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['KAPOCS_WEB_DIR']) return resolve(env['KAPOCS_WEB_DIR']);
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  return dist >= 0 ? join(here.slice(0, dist), 'dist', 'apps', 'web') : resolve('dist', 'apps', 'web');
}

interface Req {
  method: string;
  path: string;
}
interface Res {
  setHeader(name: string, value: string): void;
  sendFile(path: string, callback: (err?: Error) => void): void;
}

/**
 * Serves the staff web app at `/` with an SPA fallback: hashed assets cached for a year, index.html and the reference
 * JSON revalidated every time (a deploy shows at once). Without a web build nothing is registered, so `/` is a 404.
 */
export function serveWebApp(app: NestExpressApplication, dir = webAppDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: Res, path: string) =>
      res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache'),
  });
  app.use((req: Req, res: Res, next: (err?: unknown) => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || FILE_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => (err ? next(err) : undefined));
  });
  return true;
}
