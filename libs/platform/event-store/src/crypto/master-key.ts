/** Environment variable holding the master key (KEK): 32 random bytes, base64. A Kubernetes Secret in production. */
export const MASTER_KEY_ENV = 'KAPOCS_MASTER_KEY';

/** Decodes a base64 master key and refuses anything that is not exactly 32 bytes (AES-256). */
export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${MASTER_KEY_ENV} must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

export function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const value = env[MASTER_KEY_ENV];
  if (!value) throw new Error(`${MASTER_KEY_ENV} is not set`);
  return parseMasterKey(value);
}
