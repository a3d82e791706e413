module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'casework-application', rootDir: __dirname };
