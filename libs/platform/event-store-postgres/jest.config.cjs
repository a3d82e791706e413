module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-event-store-postgres', rootDir: __dirname };
