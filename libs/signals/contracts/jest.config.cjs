module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'signals-contracts', rootDir: __dirname };
