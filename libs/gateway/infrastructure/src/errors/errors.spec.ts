import { CASEWORK_ERRORS, CASEWORK_MESSAGES_EN, CASEWORK_MESSAGES_HU } from '@kapocs/casework/contracts';
import { INTAKE_ERRORS, INTAKE_MESSAGES_EN, INTAKE_MESSAGES_HU } from '@kapocs/intake/contracts';
import { SIGNALS_ERRORS, SIGNALS_MESSAGES_EN, SIGNALS_MESSAGES_HU } from '@kapocs/signals/contracts';
import { PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { REFERENCE_ERRORS } from '@kapocs/shared/reference-data';
import { pickLanguage, renderError } from './error-body.js';
import { HTTP_STATUS } from './http-status.js';
import { en } from './messages.en.js';
import { hu } from './messages.hu.js';

const codes = [
  ...Object.values(PLATFORM_ERRORS),
  ...Object.values(INTAKE_ERRORS),
  ...Object.values(CASEWORK_ERRORS),
  ...Object.values(SIGNALS_ERRORS),
  ...Object.values(REFERENCE_ERRORS),
];

describe('error tables', () => {
  it.each([
    ['hu', hu],
    ['en', en],
    ['status', HTTP_STATUS],
  ] as const)('the %s table covers exactly the platform, intake, casework, signals and reference codes', (_name, table) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const value of Object.values(table)) expect(value).toBeTruthy();
  });

  it('gives every code a distinct Hungarian and English message', () => {
    for (const code of codes) expect(hu[code]).not.toBe(en[code]);
  });

  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of codes) expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('intake codes', () => {
  it('take their messages from the intake contracts', () => {
    for (const code of Object.values(INTAKE_ERRORS)) {
      expect(hu[code]).toBe(INTAKE_MESSAGES_HU[code]);
      expect(en[code]).toBe(INTAKE_MESSAGES_EN[code]);
    }
  });

  it('render a duplicate warning as 409 with its candidates, and bad input as 400', () => {
    const candidates = [{ candidates: [{ clientId: 'c1', reason: 'same_taj' }] }];
    expect(renderError(INTAKE_ERRORS.PROBABLE_DUPLICATE, candidates, 'hu')).toEqual({
      status: 409,
      body: { code: INTAKE_ERRORS.PROBABLE_DUPLICATE, message: INTAKE_MESSAGES_HU.INTAKE_PROBABLE_DUPLICATE, details: candidates },
    });
    expect(renderError(INTAKE_ERRORS.INVALID_TAJ, [], 'en').status).toBe(400);
    expect(renderError(INTAKE_ERRORS.CLIENT_NOT_FOUND, [], 'en').status).toBe(404);
  });
});

describe('casework codes', () => {
  it('take their messages from the casework contracts', () => {
    for (const code of Object.values(CASEWORK_ERRORS)) {
      expect(hu[code]).toBe(CASEWORK_MESSAGES_HU[code]);
      expect(en[code]).toBe(CASEWORK_MESSAGES_EN[code]);
    }
  });

  it('render closing a closed case as 409 and an unknown case as 404', () => {
    expect(renderError(CASEWORK_ERRORS.CASE_NOT_OPEN, [{ caseId: 'c1' }], 'hu')).toEqual({
      status: 409,
      body: { code: CASEWORK_ERRORS.CASE_NOT_OPEN, message: CASEWORK_MESSAGES_HU.CASEWORK_CASE_NOT_OPEN, details: [{ caseId: 'c1' }] },
    });
    expect(renderError(CASEWORK_ERRORS.CASE_NOT_FOUND, [], 'en').status).toBe(404);
  });
});

describe('signals codes', () => {
  it('take their messages from the signals contracts', () => {
    for (const code of Object.values(SIGNALS_ERRORS)) {
      expect(hu[code]).toBe(SIGNALS_MESSAGES_HU[code]);
      expect(en[code]).toBe(SIGNALS_MESSAGES_EN[code]);
    }
  });

  it('render a missing category as 400 and another organisation’s signal as 404', () => {
    expect(renderError(SIGNALS_ERRORS.MISSING_CATEGORY, [{ field: 'categories' }], 'hu')).toEqual({
      status: 400,
      body: { code: SIGNALS_ERRORS.MISSING_CATEGORY, message: SIGNALS_MESSAGES_HU.SIGNALS_MISSING_CATEGORY, details: [{ field: 'categories' }] },
    });
    expect(renderError(SIGNALS_ERRORS.SIGNAL_NOT_FOUND, [], 'en').status).toBe(404);
  });
});

describe('renderError', () => {
  it('answers Hungarian by default and English on request', () => {
    expect(renderError('FORBIDDEN', undefined, 'hu').body.message).toBe(hu.FORBIDDEN);
    expect(renderError('FORBIDDEN', undefined, 'en')).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: en.FORBIDDEN } });
  });

  it('keeps a service’s unlisted code with a generic message and 422', () => {
    expect(renderError('SIGNALS_NOT_YET_LISTED', [{ signalId: 's1' }], 'hu')).toMatchObject({
      status: 422,
      body: { code: 'SIGNALS_NOT_YET_LISTED', details: [{ signalId: 's1' }] },
    });
  });

  it('turns a code that is not a stable code into INTERNAL without details', () => {
    expect(renderError('Error: select * from x', [{ sql: 'x' }], 'en')).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: en.INTERNAL },
    });
  });
});

describe('pickLanguage', () => {
  it.each([
    [undefined, 'hu'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['hu-HU,hu;q=0.9,en;q=0.8', 'hu'],
    ['de-DE', 'hu'],
    ['hu;q=0.5,en;q=0.9', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });
});
