module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'service-map-contracts', rootDir: __dirname };
