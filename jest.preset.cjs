// Shared Jest settings: ts-jest in ESM mode (NestJS 12 is ESM-only), aliases from tsconfig.base.json.
const path = require('node:path');
const { paths } = require('./tsconfig.base.json').compilerOptions;

const aliases = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace(/[/.-]/g, (c) => `\\${c}`)}$`, path.join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: path.join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
  },
  testMatch: ['**/*.spec.ts'],
  setupFiles: [path.join(__dirname, 'tools/jest/nats-namespace.cjs')],
  testTimeout: 30000,
};
