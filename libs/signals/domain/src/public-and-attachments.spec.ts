import { SIGNALS_ERRORS } from '@kapocs/signals/contracts';
import { deciderSpec } from '@kapocs/shared/testing';
import { signalDecider } from './signal.decider.js';
import { meta, SIGNAL_ID, submit } from './signals.fixtures.js';

const { given } = deciderSpec(signalDecider);
const citizen = (overrides = {}) => {
  const { data } = submit();
  const { organisationId: _none, ...rest } = data;
  return { type: 'SubmitSignal' as const, data: { ...rest, source: 'public' as const, channel: 'WEB_FORM', ...overrides }, meta: meta('public-form') };
};

describe('SubmitSignal from the public form, with TAJ and attachments', () => {
  it('records a citizen’s anonymous signal with the CITIZEN category and no organisation', () => {
    const [event] = given().when(citizen()).events();
    expect(event?.data).toMatchObject({ source: 'public', channel: 'WEB_FORM', memberCategory: 'CITIZEN' });
    expect(event?.data).not.toHaveProperty('organisationId');
  });

  it('refuses a public signal naming an organisation', () =>
    given().when(citizen({ organisationId: 'school-1' })).thenThrows(SIGNALS_ERRORS.INVALID_FIELD, { field: 'organisationId' }));

  it('keeps a TAJ with a valid check digit as 9 digits, and refuses a wrong one', () => {
    const personal = (taj: string) => ({ personal: { subject: { taj }, observed: 'Látták.' } });
    expect(given().when(submit(personal('123 456 788'))).events()[0]?.personal?.[SIGNAL_ID]).toMatchObject({ subject: { taj: '123456788' } });
    given().when(submit(personal('123 456 789'))).thenThrows(SIGNALS_ERRORS.INVALID_FIELD, { field: 'subject.taj', reason: 'not_taj' });
  });

  it('puts attachment types and sizes in data, their keys and names only under the signal subject', () => {
    const secret = { attachmentId: 'a-1', fileName: 'lelet.pdf', sha256: 'ab'.repeat(32), key: 'k'.repeat(44) };
    const [event] = given()
      .when(submit({ attachments: [{ attachmentId: 'a-1', mediaType: 'application/pdf', size: 10 }], personal: { subject: {}, observed: 'x', attachments: [secret] } }))
      .events();
    expect(event?.data).toMatchObject({ attachments: [{ attachmentId: 'a-1', mediaType: 'application/pdf', size: 10 }] });
    expect(JSON.stringify(event?.data)).not.toContain('lelet.pdf');
    expect(event?.personal?.[SIGNAL_ID]).toMatchObject({ attachments: [secret] });
  });
});
