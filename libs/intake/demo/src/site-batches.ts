import {
  type AnyIntakeEvent,
  type ClientAtContact,
  clientStreamId,
  contactStreamId,
  registerStreamId,
} from '@kapocs/intake/contracts';
import type { AppendRequest, NewEvent } from '@kapocs/platform/event-store';
import type { EventMetadata, Role } from '@kapocs/shared/kernel';
import { clientEvents } from './client-events.js';
import { contactEvent } from './contact-events.js';
import { deriveSeed, Prng } from './prng.js';
import type { PlannedClient, SitePlan } from './site-plan.js';
import { demoWorkers } from './workers.js';

/** One `appendMany` call. */
export type Batch = readonly AppendRequest[];

export interface SiteBatches {
  /** Produced lazily, in order: a large site never sits in memory as events all at once. */
  readonly batches: Iterable<Batch>;
  readonly events: number;
  readonly clients: number;
  readonly contacts: number;
  /** The stream written by the site's last batch: when it exists, the whole site is stored. */
  readonly lastStreamId: string;
}

const roleOf = (userId: string): Role =>
  userId.startsWith('demo-dw-') ? 'district_worker' : userId.startsWith('demo-cm-') ? 'case_manager' : 'settlement_worker';

/** Events of a planned client's stream, without building them. */
const clientStreamLength = (c: PlannedClient): number =>
  1 + (c.consent ? 1 : 0) + (c.otherServices ? 1 : 0) + (c.serviceStartedOn ? 1 : 0) + (c.serviceEndedOn ? 1 : 0);

/**
 * Cuts a site's plan into `appendMany` batches of at most `streamsPerBatch` streams: registrations first in
 * register-number order (each with its counter event in the same call, as the intake service does), then the
 * contacts in date order so that the forgalmi napló numbers them by date. Ids come from the seeded sequence.
 */
export function siteBatches(plan: SitePlan, seed: number, streamsPerBatch: number): SiteBatches {
  const lastContact = plan.contacts.at(-1);
  const lastClient = plan.clients.at(-1);
  return {
    batches: { [Symbol.iterator]: () => generateBatches(plan, seed, streamsPerBatch) },
    events: plan.clients.reduce((n, c) => n + clientStreamLength(c) + 1, 0) + plan.contacts.length,
    clients: plan.clients.length,
    contacts: plan.contacts.length,
    lastStreamId: lastContact
      ? contactStreamId(lastContact.contactId)
      : lastClient
        ? clientStreamId(lastClient.clientId)
        : registerStreamId(plan.site.code, plan.year),
  };
}

function* generateBatches(plan: SitePlan, seed: number, streamsPerBatch: number): Generator<Batch> {
  const rng = new Prng(deriveSeed(seed, plan.year, plan.site.code, 'ids'), `${seed}/${plan.year}/${plan.site.code}/ids`);
  const { district } = plan;
  const site = plan.site.code;
  const workers = demoWorkers(district, site);
  const meta = (userId: string, correlationId: string): EventMetadata => ({
    actor: { userId, role: roleOf(userId) },
    district,
    settlement: site,
    correlationId,
  });
  const toNew = (e: AnyIntakeEvent, m: EventMetadata): NewEvent => ({
    id: rng.uuid(),
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    // Personal payloads are plain JSON objects; their interfaces just lack the index signature.
    ...(e.personal ? { personal: e.personal as NewEvent['personal'] } : {}),
    metadata: m,
  });

  const registerVersions = new Map<string, number>();
  for (let i = 0; i < plan.clients.length; i += streamsPerBatch) {
    const batch: AppendRequest[] = [];
    const registers = new Map<string, NewEvent[]>();
    for (const client of plan.clients.slice(i, i + streamsPerBatch)) {
      const { stream, register } = clientEvents(client, district, site);
      const m = meta(client.registeredBy, rng.uuid());
      const caseMeta = meta(workers.caseManager, rng.uuid());
      const newEvents = stream.map((e) => toNew(e, e.type.startsWith('intake.Service') ? caseMeta : m));
      // The counter event goes with the registration, in the same call (ADR-0006).
      const registerId = registerStreamId(site, register.data.year);
      const counter = registers.get(registerId) ?? [];
      counter.push(toNew(register, m));
      registers.set(registerId, counter);
      batch.push({ streamId: clientStreamId(client.clientId), expectedVersion: 'no_stream', events: newEvents });
    }
    for (const [streamId, counterEvents] of registers) {
      const before = registerVersions.get(streamId) ?? 0;
      batch.push({ streamId, expectedVersion: before === 0 ? 'no_stream' : BigInt(before - 1), events: counterEvents });
      registerVersions.set(streamId, before + counterEvents.length);
    }
    yield batch;
  }

  const byId = new Map<string, PlannedClient>(plan.clients.map((c) => [c.clientId, c]));
  const subjects = new Map<string, ClientAtContact>();
  for (let i = 0; i < plan.contacts.length; i += streamsPerBatch) {
    yield plan.contacts.slice(i, i + streamsPerBatch).map(
      (c): AppendRequest => ({
        streamId: contactStreamId(c.contactId),
        expectedVersion: 'no_stream',
        events: [toNew(contactEvent(c, district, site, plan.year, byId, subjects), meta(c.dutyWorkerId, rng.uuid()))],
      }),
    );
  }
}
