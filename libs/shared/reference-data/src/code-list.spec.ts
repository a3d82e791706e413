import { applyVersion, applyVersions, BASELINE_CODE_LISTS, createCodeLists, REFERENCE_ERRORS, type ReferenceCode } from './index.js';

const v = (over: Partial<ReferenceCode> = {}): ReferenceCode => ({
  list: 'contactMode',
  code: 'VIDEO',
  labelHu: 'Videóhívás',
  labelEn: 'Video call',
  validFrom: '2024-06-01',
  source: 'teszt',
  ...over,
});

describe('lookup by date', () => {
  const lists = createCodeLists([
    { list: 'basicService', code: 'OLD', labelHu: 'Régi', labelEn: 'Old', validFrom: '2000-01-01', validTo: '2016-01-01' },
    { list: 'basicService', code: 'NEW', labelHu: 'Új', labelEn: 'New', validFrom: '2016-01-01' },
  ]);

  it('finds a code on its first day and not on the day it ends (validTo is exclusive)', () => {
    expect(lists.find('basicService', 'NEW', '2016-01-01')?.labelHu).toBe('Új');
    expect(lists.find('basicService', 'OLD', '2015-12-31')?.labelHu).toBe('Régi');
    expect(lists.find('basicService', 'OLD', '2016-01-01')).toBeUndefined();
  });

  it('knows no code before it starts, nor a code of another list', () => {
    expect(lists.find('basicService', 'NEW', '2015-12-31')).toBeUndefined();
    expect(lists.find('benefit', 'NEW', '2020-01-01')).toBeUndefined();
  });

  it('lists the codes valid on a date, in order', () => {
    expect(lists.validOn('basicService', '2010-05-05').map((e) => e.code)).toEqual(['OLD']);
    expect(lists.validOn('basicService', '2020-05-05').map((e) => e.code)).toEqual(['NEW']);
  });
});

describe('the shipped baseline', () => {
  it('holds every list with both labels and a legal source on each entry', () => {
    expect(BASELINE_CODE_LISTS.entries).toHaveLength(135);
    expect(BASELINE_CODE_LISTS.entries.every((e) => e.labelHu && e.labelEn && e.source)).toBe(true);
    expect(BASELINE_CODE_LISTS.find('problemType', '2.1', '2025-01-01')).toMatchObject({ parent: '2', labelHu: 'Családon belüli bántalmazás' });
    expect(BASELINE_CODE_LISTS.find('caseHandling', 'UI', '2025-01-01')?.abbreviation).toBe('Ü');
  });

  it('switches családsegítés to the család- és gyermekjóléti szolgáltatás on 1 January 2016', () => {
    expect(BASELINE_CODE_LISTS.find('basicService', 'FAMILY_SUPPORT', '2015-12-31')).toBeDefined();
    expect(BASELINE_CODE_LISTS.find('basicService', 'FAMILY_SUPPORT', '2016-01-01')).toBeUndefined();
    expect(BASELINE_CODE_LISTS.find('basicService', 'FAMILY_CHILD_WELFARE', '2016-01-01')).toBeDefined();
  });
});

describe('operator versions over the baseline', () => {
  it('adds a new code valid from its date on, unknown before', () => {
    const lists = createCodeLists(applyVersion(BASELINE_CODE_LISTS.entries, v()));
    expect(lists.find('contactMode', 'VIDEO', '2024-06-01')?.labelHu).toBe('Videóhívás');
    expect(lists.find('contactMode', 'VIDEO', '2024-05-31')).toBeUndefined();
    expect(lists.validOn('contactMode', '2024-07-01').map((e) => e.code).at(-1)).toBe('VIDEO');
  });

  it('a new version of an existing code ends the old one at its date, so older entries keep the old label', () => {
    const lists = createCodeLists(applyVersion(BASELINE_CODE_LISTS.entries, v({ code: 'PHONE', labelHu: 'Telefonon vagy hálózaton', validFrom: '2025-01-01' })));
    expect(lists.find('contactMode', 'PHONE', '2024-12-31')?.labelHu).toBe('Telefonon');
    expect(lists.find('contactMode', 'PHONE', '2024-12-31')?.validTo).toBe('2025-01-01');
    expect(lists.find('contactMode', 'PHONE', '2025-01-01')?.labelHu).toBe('Telefonon vagy hálózaton');
  });

  it('retires a code when the version has an end date and no successor', () => {
    const lists = createCodeLists(applyVersions(BASELINE_CODE_LISTS.entries, [v({ validTo: '2024-07-01' })]));
    expect(lists.find('contactMode', 'VIDEO', '2024-06-30')).toBeDefined();
    expect(lists.find('contactMode', 'VIDEO', '2024-07-01')).toBeUndefined();
  });

  it('refuses a version that does not start after the latest version of its code', () => {
    expect(() => applyVersion(BASELINE_CODE_LISTS.entries, v({ code: 'PHONE', validFrom: '2000-01-01' }))).toThrow(
      expect.objectContaining({ code: REFERENCE_ERRORS.VERSION_CONFLICT }),
    );
    const once = applyVersion(BASELINE_CODE_LISTS.entries, v());
    expect(() => applyVersion(once, v({ validFrom: '2024-01-01' }))).toThrow(expect.objectContaining({ code: REFERENCE_ERRORS.VERSION_CONFLICT }));
  });

  it('refuses a parent that is not a code of the list', () =>
    expect(() => applyVersion(BASELINE_CODE_LISTS.entries, v({ list: 'problemType', code: '2.9', parent: '99' }))).toThrow(
      expect.objectContaining({ code: REFERENCE_ERRORS.UNKNOWN_PARENT }),
    ));
});
