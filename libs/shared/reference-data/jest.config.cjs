module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-reference-data', rootDir: __dirname };
