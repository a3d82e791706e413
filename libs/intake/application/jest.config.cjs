module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'intake-application', rootDir: __dirname };
