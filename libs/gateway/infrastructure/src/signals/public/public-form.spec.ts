import { randomBytes } from 'node:crypto';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { bucketOf, clientAddress, trustedProxies } from './client-address.js';
import { leadingZeroBits, ProofOfWork, solve, workOf } from './proof-of-work.js';

describe('proof of work of the public form', () => {
  const pow = new ProofOfWork(randomBytes(32), 8, 600);

  it('counts leading zero bits most significant first', () => {
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x10]))).toBe(11);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a solved challenge and names its id and expiry', () => {
    const { challenge, difficulty, expiresAt } = pow.issue();
    const nonce = solve(challenge, difficulty);
    expect(workOf(challenge, nonce)).toBeGreaterThanOrEqual(8);
    expect(pow.verify(challenge, nonce)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), expiresAt: new Date(expiresAt) });
  });

  it('refuses a missing, forged, unworked or expired proof with its own code', () => {
    const { challenge } = pow.issue();
    const nonce = solve(challenge, 8);
    expect(() => pow.verify(undefined, nonce)).toThrow(expect.objectContaining({ code: SIGNALS_ERRORS.PROOF_MISSING }));
    const forged = new ProofOfWork(randomBytes(32), 8, 600).issue().challenge;
    expect(() => pow.verify(forged, solve(forged, 8))).toThrow(expect.objectContaining({ code: SIGNALS_ERRORS.PROOF_INVALID, details: { reason: 'signature' } }));
    let lazy = 0;
    while (workOf(challenge, String(lazy)) >= 8) lazy++;
    expect(() => pow.verify(challenge, String(lazy))).toThrow(expect.objectContaining({ details: { reason: 'work' } }));
    const old = pow.issue(new Date(Date.now() - 3_600_000)).challenge;
    expect(() => pow.verify(old, solve(old, 8))).toThrow(expect.objectContaining({ code: SIGNALS_ERRORS.PROOF_EXPIRED }));
  });
});

describe('client address behind proxies', () => {
  const proxies = trustedProxies('10.0.0.1, 192.168.0.0/16');

  it('believes X-Forwarded-For only from a trusted proxy, and then only its right-most untrusted hop', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.0.0.1', 'evil-forged, 198.51.100.7, 192.168.1.5', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', undefined, proxies)).toBe('10.0.0.1');
  });

  it('buckets IPv6 clients by their /64', () => {
    expect(bucketOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(bucketOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(bucketOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(bucketOf('198.51.100.7')).toBe('198.51.100.7');
  });
});
