module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'projector-contracts', rootDir: __dirname };
