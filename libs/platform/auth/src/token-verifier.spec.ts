import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { JwksTokenVerifier } from './token-verifier.js';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'kapocs-test';

async function rig() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
  let lookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    lookups++;
    return jwks(header, token);
  };
  const sign = (exp: number, sub = 'u1') =>
    new SignJWT({ role: 'head', district: '121', settlements: [] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(exp)
      .sign(privateKey);
  return { verifier: new JwksTokenVerifier(keys, ISSUER, AUDIENCE, 30), sign, lookups: () => lookups };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('JwksTokenVerifier', () => {
  it('checks the signature of a token once, then trusts it for the next requests', async () => {
    const r = await rig();
    const token = await r.sign(inAnHour());
    await expect(r.verifier.verify(token)).resolves.toMatchObject({ userId: 'u1', role: 'head' });
    await expect(r.verifier.verify(token)).resolves.toMatchObject({ userId: 'u1', role: 'head' });
    expect(r.lookups()).toBe(1);
  });

  it('keeps verified tokens apart: another token is checked on its own', async () => {
    const r = await rig();
    await r.verifier.verify(await r.sign(inAnHour(), 'u1'));
    await expect(r.verifier.verify(await r.sign(inAnHour(), 'u2'))).resolves.toMatchObject({ userId: 'u2' });
    expect(r.lookups()).toBe(2);
  });

  it('never trusts a remembered token past its exp (accepted within the clock tolerance, checked every time)', async () => {
    const r = await rig();
    const token = await r.sign(Math.floor(Date.now() / 1000) - 5);
    await r.verifier.verify(token);
    await r.verifier.verify(token);
    expect(r.lookups()).toBe(2);
  });

  it('does not remember a rejected token', async () => {
    const r = await rig();
    const token = await r.sign(inAnHour());
    const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await expect(r.verifier.verify(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(r.verifier.verify(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(r.lookups()).toBe(2);
  });
});
