import type { ClientFacts } from '@kapocs/casework/domain';
import {
  CLIENT_ERASED,
  CLIENT_MERGED_INTO,
  CLIENT_REGISTERED,
  type ClientMergedIntoData,
  type ClientRegisteredData,
  clientStreamId,
} from '@kapocs/intake/contracts';
import type { EventStore } from '@kapocs/platform/event-store';

/** What the client register says of a client, read from intake's events (its contracts, not its code). */
export async function loadClientFacts(store: EventStore, clientId: string): Promise<ClientFacts | undefined> {
  let facts: { -readonly [K in keyof ClientFacts]: ClientFacts[K] } | undefined;
  for await (const e of store.readStream(clientStreamId(clientId))) {
    if (e.type === CLIENT_REGISTERED) facts = { clientId, district: (e.data as ClientRegisteredData).district, erased: false };
    else if (facts && e.type === CLIENT_ERASED) facts.erased = true;
    else if (facts && e.type === CLIENT_MERGED_INTO) facts.survivorId = (e.data as ClientMergedIntoData).survivorId;
  }
  return facts;
}
