module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'statistics-infrastructure', rootDir: __dirname };
