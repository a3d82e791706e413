import { eventStoreContract } from '@kapocs/platform/event-store';
import { migratedTestStore } from './test-store.js';

let setup: Awaited<ReturnType<typeof migratedTestStore>> | undefined;

eventStoreContract(
  'postgres',
  async ({ upcasters }) => {
    setup ??= await migratedTestStore('es_contract');
    return setup.store(upcasters);
  },
  async () => setup?.db.drop(),
);
