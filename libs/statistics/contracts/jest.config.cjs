module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'statistics-contracts', rootDir: __dirname };
