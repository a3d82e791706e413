module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'intake-domain', rootDir: __dirname };
