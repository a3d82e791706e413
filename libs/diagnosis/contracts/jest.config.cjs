module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'diagnosis-contracts', rootDir: __dirname };
