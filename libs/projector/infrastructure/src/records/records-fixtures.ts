import { randomUUID } from 'node:crypto';
import {
  CLIENT_MERGED_INTO,
  CLIENT_REGISTERED,
  CLIENTS_MERGED,
  CONTACT_CORRECTED,
  CONTACT_LOGGED,
  CONTACT_VOIDED,
  SERVICE_STARTED,
  clientStreamId,
  contactStreamId,
  type ClientRegisteredData,
  type ClientPersonalDetails,
  type ContactLoggedData,
} from '@kapocs/intake/contracts';
import type { Pool } from 'pg';
import type { EventStore, NewEvent } from '@kapocs/platform/event-store';
import { EVENT_STORE_SCHEMA } from '@kapocs/platform/runtime';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { CLIENT_ERASED } from '../projections/intake-events.js';

/**
 * `count` neighbouring site codes from `from` (up to `from + 9,999`) that no earlier run logged anything at: the test
 * database is reused between runs, and a site drawn again would continue the numbering of the earlier run's napló.
 */
export async function unusedSites(db: Pool, from: number, count = 1): Promise<string[]> {
  for (;;) {
    const first = from + Math.floor(Math.random() * (10_000 - count));
    const sites = Array.from({ length: count }, (_, i) => String(first + i));
    const { rows } = await db.query(`SELECT 1 FROM ${EVENT_STORE_SCHEMA}.events WHERE data->>'site' = ANY($1::text[]) LIMIT 1`, [sites]);
    if (rows.length === 0) return sites;
  }
}

/** Intake events for records tests, appended straight to the store with the contracts' shapes. */
export class IntakeFixtures {
  constructor(
    private readonly store: EventStore,
    readonly district: DistrictCode,
  ) {}

  private meta(site: string) {
    return { actor: { userId: 'fixture', role: 'district_worker' as const }, district: this.district, settlement: site as SettlementCode, correlationId: randomUUID() };
  }

  async register(site: string, n: number, personal: ClientPersonalDetails, householdId?: string): Promise<string> {
    const clientId = randomUUID();
    const data: ClientRegisteredData = {
      clientId, district: this.district, site: site as SettlementCode, registeredOn: '2026-01-05', registerYear: 2026,
      registerNumber: n, individualId: `26${String(n).padStart(6, '0')}`, acknowledgedDuplicates: [], birthYear: Number(personal.birthDate.slice(0, 4)),
      sex: 'F', citizenship: 'HU', economicActivity: 'EMPLOYED', education: 'SECONDARY', familyStatus: 'COUPLE_WITH_CHILDREN',
      ...(householdId ? { householdId } : {}),
    };
    const e: NewEvent = { id: randomUUID(), type: CLIENT_REGISTERED, schemaVersion: 1, data, personal: { [clientId]: { ...personal } as Record<string, unknown> }, metadata: this.meta(site) };
    await this.store.append(clientStreamId(clientId), 'no_stream', [e]);
    return clientId;
  }

  async contact(site: string, clientId: string | undefined, date: string, description: string): Promise<{ contactId: string; checkpoint: string }> {
    const contactId = randomUUID();
    const data: ContactLoggedData = {
      contactId, district: this.district, site: site as SettlementCode, year: Number(date.slice(0, 4)), date, dutyWorkerId: 'worker-1',
      caseWorkerId: 'worker-2', newInYear: true, newInYearSource: 'derived', mode: 'IN_PERSON', referrer: '1', problemTypes: ['1'],
      crisis: false, caseHandling: ['I'], benefits: [],
      subject: clientId ? { kind: 'client', clientId, individualId: '26000001', birthYear: 1980, sex: 'F' } : { kind: 'anonymous' },
    };
    const e: NewEvent = { id: randomUUID(), type: CONTACT_LOGGED, schemaVersion: 1, data, personal: { [clientId ?? contactId]: { description } }, metadata: this.meta(site) };
    const r = await this.store.append(contactStreamId(contactId), 'no_stream', [e]);
    return { contactId, checkpoint: r.checkpoint };
  }

  async correct(site: string, contactId: string, subject: string, description: string, reason: string): Promise<string> {
    const data = { contactId, correctedOn: '2026-02-02', before: { referrer: '1' }, after: { referrer: '2' }, descriptionChanged: true };
    const personal = { [subject]: { reason, description: { before: null, after: description } } };
    const r = await this.store.append(contactStreamId(contactId), 'stream_exists', [
      { id: randomUUID(), type: CONTACT_CORRECTED, schemaVersion: 1, data, personal, metadata: this.meta(site) },
    ]);
    return r.checkpoint;
  }

  async void(site: string, contactId: string, subject: string, reason: string): Promise<string> {
    const r = await this.store.append(contactStreamId(contactId), 'stream_exists', [
      { id: randomUUID(), type: CONTACT_VOIDED, schemaVersion: 1, data: { contactId, voidedOn: '2026-02-03' }, personal: { [subject]: { reason } }, metadata: this.meta(site) },
    ]);
    return r.checkpoint;
  }

  async startService(site: string, clientId: string, startedOn: string): Promise<string> {
    const r = await this.store.append(clientStreamId(clientId), 'stream_exists', [
      { id: randomUUID(), type: SERVICE_STARTED, schemaVersion: 1, data: { clientId, site, startedOn }, metadata: this.meta(site) },
    ]);
    return r.checkpoint;
  }

  /** ClientsMerged on the survivor and ClientMergedInto on the merged client, in one transaction. */
  async merge(site: string, survivorId: string, mergedClientId: string): Promise<string> {
    const mergedOn = '2026-02-04';
    const [, r] = await this.store.appendMany([
      {
        streamId: clientStreamId(survivorId),
        expectedVersion: 'stream_exists',
        events: [
          { id: randomUUID(), type: CLIENTS_MERGED, schemaVersion: 1, data: { survivorId, mergedClientId, mergedOn }, personal: { [survivorId]: { reason: 'azonos' } }, metadata: this.meta(site) },
        ],
      },
      {
        streamId: clientStreamId(mergedClientId),
        expectedVersion: 'stream_exists',
        events: [{ id: randomUUID(), type: CLIENT_MERGED_INTO, schemaVersion: 1, data: { clientId: mergedClientId, survivorId, mergedOn }, metadata: this.meta(site) }],
      },
    ]);
    return r?.checkpoint ?? '';
  }

  async erase(site: string, clientId: string): Promise<string> {
    const r = await this.store.append(clientStreamId(clientId), 'stream_exists', [
      { id: randomUUID(), type: CLIENT_ERASED, schemaVersion: 1, data: { clientId }, metadata: this.meta(site) },
    ]);
    await this.store.shred(clientId);
    return r.checkpoint;
  }
}
