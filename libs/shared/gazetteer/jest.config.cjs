module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-gazetteer', rootDir: __dirname };
