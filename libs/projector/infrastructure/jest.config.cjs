module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'projector-infrastructure', rootDir: __dirname };
