import {
  CLIENT_DETAILS_CORRECTED,
  CLIENT_ERASED,
  CLIENT_REGISTERED,
  type ClientCodedData,
  type ClientDetailsCorrectedData,
  type ClientDetailsCorrectedPersonal,
  type ClientPersonalDetails,
  type ClientRegisteredData,
  clientStreamId,
} from '@kapocs/intake/contracts';
import { type EventStore, isRedacted, type RecordedEvent } from '@kapocs/platform/event-store';

type Fields = Record<string, unknown>;

/** A client as the register showed it on a day: the cover page's source, never copied into the case. */
export interface ClientIdentity {
  readonly clientId: string;
  readonly registeredOn: string;
  readonly registerNumber: number;
  readonly individualId: string;
  readonly coded: Partial<ClientCodedData>;
  readonly personal?: Partial<ClientPersonalDetails>;
  readonly erased: boolean;
}

const apply = (target: Fields, changes: Fields): Fields => {
  const next = { ...target };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
};

function evolve(identity: ClientIdentity | undefined, e: RecordedEvent): ClientIdentity | undefined {
  if (e.type === CLIENT_REGISTERED) {
    const { clientId, registeredOn, registerNumber, individualId, district: _d, site: _s, acknowledgedDuplicates: _a, registerYear: _y, ...coded } =
      e.data as ClientRegisteredData;
    const personal = e.personal[clientId];
    return {
      clientId,
      registeredOn,
      registerNumber,
      individualId,
      coded,
      ...(personal && !isRedacted(personal) ? { personal: personal as Partial<ClientPersonalDetails> } : {}),
      erased: false,
    };
  }
  if (!identity) return identity;
  if (e.type === CLIENT_DETAILS_CORRECTED) {
    const data = e.data as ClientDetailsCorrectedData;
    const change = e.personal[identity.clientId];
    const personalAfter = change && !isRedacted(change) ? (change as unknown as ClientDetailsCorrectedPersonal).after : undefined;
    return {
      ...identity,
      coded: apply(identity.coded as Fields, data.after as Fields) as Partial<ClientCodedData>,
      ...(identity.personal && personalAfter ? { personal: apply(identity.personal as Fields, personalAfter as Fields) } : {}),
    };
  }
  if (e.type === CLIENT_ERASED) {
    const { personal: _, ...rest } = identity;
    return { ...rest, erased: true };
  }
  return identity;
}

/** The client's register entry up to an instant (inclusive), or now; undefined for an unknown client. */
export async function loadClientIdentity(store: EventStore, clientId: string, until?: (e: RecordedEvent) => boolean): Promise<ClientIdentity | undefined> {
  let identity: ClientIdentity | undefined;
  for await (const e of store.readStream(clientStreamId(clientId))) {
    if (until && !until(e)) break;
    identity = evolve(identity, e);
  }
  return identity;
}
