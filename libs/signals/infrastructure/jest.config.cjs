module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'signals-infrastructure', rootDir: __dirname };
