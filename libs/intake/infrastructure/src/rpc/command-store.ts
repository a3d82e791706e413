import { OneCommandEventStore } from '@kapocs/platform/event-store';
import type { IntakeDeps } from '@kapocs/intake/application';

/** The dependencies of one command: the shared ones with a store that reads each stream once. */
export function oneCommandDeps(deps: IntakeDeps): IntakeDeps {
  const store = new OneCommandEventStore(deps.store);
  return {
    store,
    identities: deps.identities,
    settlements: deps.settlements,
    // Read once per command, as the handlers did (a code list version added at run time applies to the next one).
    ...(deps.rules !== undefined ? { rules: deps.rules } : {}),
    ...(deps.newId !== undefined ? { newId: deps.newId } : {}),
    ...(deps.maxRegisterAttempts !== undefined ? { maxRegisterAttempts: deps.maxRegisterAttempts } : {}),
  };
}
