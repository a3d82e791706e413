module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'platform-bus-nats', rootDir: __dirname };
