module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-projections', rootDir: __dirname };
