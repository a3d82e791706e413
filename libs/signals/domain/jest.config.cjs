module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'signals-domain', rootDir: __dirname };
