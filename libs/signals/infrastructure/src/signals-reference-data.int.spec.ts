import { randomUUID } from 'node:crypto';
import { waitFor } from '@kapocs/platform/bus';
import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { api, type ApiResponse, DISTRICT, key, registerMember, type SignalsHarness, signalForm, startSignalsHarness } from './test/signals-harness.js';

const portal = (organisationId: string) => `/districts/${DISTRICT}/organisations/${organisationId}/signals`;

describe('signal code lists are reference data: an operator adds a version, the signals service takes it (ADR-0009)', () => {
  let h: SignalsHarness;
  beforeAll(async () => {
    h = await startSignalsHarness();
  });
  afterAll(() => h.close());

  it('ships the lists as data files, and accepts an endangerment category added at run time without a restart', async () => {
    const [admin, operator] = [await h.token('district_worker'), await h.token('operator')];
    const shipped = await api<{ codes: { code: string; labelHu: string }[] }>(h, admin, 'GET', '/reference/code-lists/signalEndangerment');
    expect(shipped.status).toBe(200);
    expect(shipped.body.codes).toContainEqual(expect.objectContaining({ code: 'NEGLECT', labelHu: 'elhanyagolás' }));

    const { organisationId, member } = await registerMember(h, admin);
    const code = `ONL_${randomUUID().slice(0, 8).toUpperCase()}`;
    const before = signalForm({ categories: [code] });
    expect(await api(h, member, 'POST', portal(organisationId), before, key())).toMatchObject({ status: 400, body: { code: SIGNALS_ERRORS.UNKNOWN_CODE } });
    expect(await h.store.streamVersion(`signal-${String(before['signalId'])}`)).toBe(-1n);

    const version = { code, labelHu: 'online zaklatás', labelEn: 'online harassment', validFrom: '2020-01-01', source: 'teszt: operátori verzió' };
    const added = await api(h, operator, 'POST', '/reference/code-lists/signalEndangerment/versions', version, key());
    expect(added).toMatchObject({ status: 201, body: { list: 'signalEndangerment', code } });

    // The service reloads on the database notification: poll until the portal accepts the new category.
    let accepted: ApiResponse | undefined;
    await waitFor(
      async () => {
        accepted = await api(h, member, 'POST', portal(organisationId), signalForm({ categories: [code] }), key());
        return accepted.status !== 400;
      },
      { what: 'the new category accepted' },
    );
    expect(accepted?.status).toBe(201);
  });
});
