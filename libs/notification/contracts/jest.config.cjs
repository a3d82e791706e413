module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'notification-contracts', rootDir: __dirname };
