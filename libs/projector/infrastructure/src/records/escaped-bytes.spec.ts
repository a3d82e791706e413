import { escapedBytes } from './records.queries.js';

describe('escapedBytes', () => {
  it.each([
    '[1,"2025-01-16","x"]',
    '["Győző \\"idézet\\" \\\\ vissza-per","sor\\nvége",null,true]',
    '["emoji 😀 és ő/ű",[]]',
    '',
  ])('is what JSON.stringify makes of a PostgreSQL JSON text: %s', (json) => {
    expect(escapedBytes(json)).toBe(Buffer.byteLength(JSON.stringify(json)) - 2);
  });
});
