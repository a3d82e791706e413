module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'service-map-infrastructure', rootDir: __dirname };
