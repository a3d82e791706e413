import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_AUTH_CONFIG } from './auth.config.js';
import { DevIssuer } from './dev-issuer.js';

const config = { ...DEFAULT_AUTH_CONFIG, devIssuer: true };
const claims = { sub: 'u1', role: 'head', district: '121', settlements: [] };

describe('DevIssuer', () => {
  it('issues tokens its own JWKS verifies into an Actor', async () => {
    const issuer = await DevIssuer.create(config);
    const token = await issuer.issue(claims);
    expect(token.token_type).toBe('Bearer');
    await expect(issuer.verifier().verify(token.access_token)).resolves.toMatchObject({ userId: 'u1', role: 'head' });
  });

  it('rejects a token signed by another key', async () => {
    const [a, b] = await Promise.all([DevIssuer.create(config), DevIssuer.create(config)]);
    const token = await b.issue(claims);
    await expect(a.verifier().verify(token.access_token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a token for another audience', async () => {
    const issuer = await DevIssuer.create(config);
    const other = await DevIssuer.create({ ...config, audience: 'someone-else' });
    const token = await issuer.issue(claims);
    await expect(other.verifier().verify(token.access_token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps the key pair across restarts when given a path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kapocs-dev-issuer-'));
    try {
      const devKeyPath = join(dir, 'key.json');
      const first = await DevIssuer.create({ ...config, devKeyPath });
      const token = await first.issue(claims);
      const second = await DevIssuer.create({ ...config, devKeyPath });
      expect(second.jwks()).toEqual(first.jwks());
      await expect(second.verifier().verify(token.access_token)).resolves.toMatchObject({ userId: 'u1' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
