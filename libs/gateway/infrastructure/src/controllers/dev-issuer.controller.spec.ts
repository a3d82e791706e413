import { DevIssuerController } from './dev-issuer.controller.js';

describe('DevIssuerController when the development issuer is off', () => {
  const controller = new DevIssuerController(null);

  it('answers DEV_ISSUER_DISABLED for the JWKS', () => {
    expect(() => controller.jwks()).toThrow(expect.objectContaining({ code: 'DEV_ISSUER_DISABLED' }));
  });

  it('answers DEV_ISSUER_DISABLED for a token', async () => {
    const body = { sub: 'u', role: 'head' as const, district: '121', settlements: [] };
    await expect(controller.token(body)).rejects.toMatchObject({ code: 'DEV_ISSUER_DISABLED' });
  });
});
