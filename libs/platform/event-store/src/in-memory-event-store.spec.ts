import { eventStoreContract } from './testing/event-store.contract.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

eventStoreContract('in-memory', async ({ upcasters }) => new InMemoryEventStore(upcasters ? { upcasters } : {}));
