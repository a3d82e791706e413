// Browser and accessibility tests: they start the built platform and drive /usr/bin/chromium (see web.e2e.spec.ts).
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'web', rootDir: __dirname, testTimeout: 120000 };
