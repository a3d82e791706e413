import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A secret of the embedded default (master key, database password): generated once, kept in the data directory,
 * readable by the owner only. Production passes KAPOCS_MASTER_KEY and DATABASE_URL from Secrets instead.
 */
export async function loadOrCreateSecret(dataDir: string, fileName: string): Promise<string> {
  const file = join(dataDir, fileName);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // `wx` fails if another process won the race; then its secret is the one to use.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw e;
  }
  await chmod(file, 0o600);
  return secret;
}

export const loadOrCreateMasterKey = (dataDir: string): Promise<string> => loadOrCreateSecret(dataDir, 'master.key');
