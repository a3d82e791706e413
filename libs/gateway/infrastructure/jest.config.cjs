module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'gateway-infrastructure', rootDir: __dirname };
