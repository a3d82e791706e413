module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'intake-demo', rootDir: __dirname };
