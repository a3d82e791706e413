module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'casework-infrastructure', rootDir: __dirname };
