module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-reference-data', rootDir: __dirname };
