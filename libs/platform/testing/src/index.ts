export { createTestDatabase, type TestDatabase } from './pg.js';
export { connectTestNats, defaultNatsUrl } from './nats.js';
/**
 * One master key for every test that boots the runtime: they share the `event_store` schema of the test database,
 * and a subject key wrapped under one master key cannot be unwrapped under another (by design).
 */
export const TEST_MASTER_KEY = Buffer.alloc(32, 0x4b).toString('base64');
