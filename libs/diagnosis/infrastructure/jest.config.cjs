module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'diagnosis-infrastructure', rootDir: __dirname };
