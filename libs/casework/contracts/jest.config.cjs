module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'casework-contracts', rootDir: __dirname };
