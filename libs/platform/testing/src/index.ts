export { createTestDatabase, type TestDatabase } from './pg.js';
export { connectTestNats, defaultNatsUrl } from './nats.js';
