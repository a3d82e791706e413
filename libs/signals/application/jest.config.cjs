module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'signals-application', rootDir: __dirname };
