import { DEMO_YEAR } from '@kapocs/intake/demo';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { parseGeneratorArgs } from './args.js';

const gazetteer = loadGazetteer();

describe('generator command line', () => {
  it('takes districts as a list or repeated, with defaults for the rest', () => {
    const args = parseGeneratorArgs(['--districts', '121,103', '--districts', '121', '--seed', '5'], gazetteer);
    expect(args).toMatchObject({ districts: ['121', '103'], seed: 5, year: DEMO_YEAR, schema: 'event_store', fresh: false });
  });

  it('means every district of the gazetteer by --national', () => {
    expect(parseGeneratorArgs(['--national'], gazetteer).districts).toHaveLength(197);
  });

  it('refuses unknown districts, no districts, bad numbers and dropping the runtime schema', () => {
    expect(() => parseGeneratorArgs(['--districts', '999'], gazetteer)).toThrow(/unknown district/);
    expect(() => parseGeneratorArgs([], gazetteer)).toThrow(/no districts/);
    expect(() => parseGeneratorArgs(['--national', '--seed', 'x'], gazetteer)).toThrow(/--seed/);
    expect(() => parseGeneratorArgs(['--national', '--fresh'], gazetteer)).toThrow(/--fresh/);
    expect(() => parseGeneratorArgs(['--national', '--schema', 'a;b'], gazetteer)).toThrow(/--schema/);
  });
});
