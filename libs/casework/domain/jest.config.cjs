module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'casework-domain', rootDir: __dirname };
