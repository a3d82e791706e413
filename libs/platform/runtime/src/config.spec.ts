import { TARGETS } from '@kapocs/shared/kernel';
import { ConfigError, loadPlatformConfig, parseTargets, targetLabel } from './config.js';
import { ReadinessRegistry } from './readiness.js';

describe('platform config', () => {
  it('defaults to every target, port 3000 and the embedded default', () => {
    const c = loadPlatformConfig({});
    expect(c.targets).toEqual([...TARGETS]);
    expect(c.port).toBe(3000);
    expect(c.embedded).toBe(true);
    expect(c.dataDir).toMatch(/\.data$/);
    expect(c.devIssuer).toBe(true);
  });

  it('uses DATABASE_URL and NATS_URL when set and turns the dev issuer off', () => {
    const c = loadPlatformConfig({ DATABASE_URL: 'postgres://x', NATS_URL: 'nats://y', PORT: '8080' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://x', natsUrl: 'nats://y', port: 8080, embedded: false });
    expect(c.devIssuer).toBe(false);
    expect(loadPlatformConfig({ NATS_URL: 'nats://y', KAPOCS_DEV_ISSUER: 'true' }).devIssuer).toBe(true);
  });

  it('hands requests to handlers of the same process unless KAPOCS_RPC_LOCAL_FIRST=false (ADR-0011)', () => {
    expect(loadPlatformConfig({ NATS_URL: 'nats://y' }).rpcLocalFirst).toBe(true);
    expect(loadPlatformConfig({ NATS_URL: 'nats://y', KAPOCS_RPC_LOCAL_FIRST: 'false' }).rpcLocalFirst).toBe(false);
    expect(() => loadPlatformConfig({ KAPOCS_RPC_LOCAL_FIRST: 'yes' })).toThrow(ConfigError);
  });

  it('reads the notification mail settings, all optional', () => {
    expect(loadPlatformConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'a@b.example', PUBLIC_URL: 'https://k.example' })).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'a@b.example',
      publicUrl: 'https://k.example',
    });
    expect(loadPlatformConfig({ SMTP_URL: '' })).not.toHaveProperty('smtpUrl');
  });

  it('parses a comma list of targets in canonical order and rejects unknown ones', () => {
    expect(parseTargets('signals, casework')).toEqual(['casework', 'signals']);
    expect(parseTargets('all')).toEqual([...TARGETS]);
    expect(() => parseTargets('casework,billing')).toThrow(ConfigError);
  });

  it('labels a full selection `all`', () => {
    expect(targetLabel([...TARGETS])).toBe('all');
    expect(targetLabel(['casework', 'signals'])).toBe('casework,signals');
  });
});

describe('readiness', () => {
  it('is ready only when every check passes, and reports each', async () => {
    const r = new ReadinessRegistry();
    expect((await r.report()).ready).toBe(false);
    r.register('a', () => true);
    r.register('b', async () => undefined);
    expect(await r.report()).toEqual({ ready: true, checks: { a: 'ok', b: 'ok' } });
    r.register('c', () => Promise.reject(new Error('down')));
    expect(await r.report()).toEqual({ ready: false, checks: { a: 'ok', b: 'ok', c: 'failing' } });
  });
});
