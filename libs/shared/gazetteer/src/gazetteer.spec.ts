import { loadGazetteer } from './gazetteer.js';

describe('KSH gazetteer', () => {
  const g = loadGazetteer();

  it('holds every settlement and district of 2018', () => {
    expect(g.settlements).toHaveLength(3178);
    expect(g.districts).toHaveLength(197);
  });

  it('knows the Szécsényi járás (121) with its 14 settlements of 2018', () => {
    const d = g.district('121');
    expect(d?.name).toBe('Szécsényi');
    expect(d?.settlements).toHaveLength(14);
    expect(g.isSettlementInDistrict('33242', '121')).toBe(true); // Hollókő
    expect(g.isSettlementInDistrict('17376', '121')).toBe(false); // Aba
  });

  it('reads quoted legal statuses with commas', () => {
    expect(g.settlement('15130')?.legalStatus).toBe('megyeszékhely, megyei jogú város');
    expect(g.settlement('15130')?.population).toBe(202214);
  });

  it('keeps leading zeros and Hungarian letters', () => {
    expect(g.settlement('02778')?.name).toBe('Ludányhalászi');
    expect(g.districts.reduce((n, d) => n + d.population, 0)).toBeGreaterThan(9_000_000);
  });
});
