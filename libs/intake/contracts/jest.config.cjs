module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'intake-contracts', rootDir: __dirname };
