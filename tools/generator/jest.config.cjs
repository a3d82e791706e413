module.exports = { ...require('../../jest.preset.cjs'), displayName: 'generator', rootDir: __dirname };
