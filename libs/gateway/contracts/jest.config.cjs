module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'gateway-contracts', rootDir: __dirname };
