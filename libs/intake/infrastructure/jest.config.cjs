module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'intake-infrastructure', rootDir: __dirname };
