module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-event-store', rootDir: __dirname };
