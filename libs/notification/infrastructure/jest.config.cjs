module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'notification-infrastructure', rootDir: __dirname };
