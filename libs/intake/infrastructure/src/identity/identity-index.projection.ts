import type pg from 'pg';
import {
  CLIENT_DETAILS_CORRECTED,
  CLIENT_ERASED,
  CLIENT_MERGED_INTO,
  CLIENT_REGISTERED,
  type ClientDetailsCorrectedData,
  type ClientErasedData,
  type ClientMergedIntoData,
  type ClientPersonalDetails,
  type ClientRegisteredData,
  clientStreamId,
} from '@kapocs/intake/contracts';
import { loadStream } from '@kapocs/intake/application';
import { type ClientState, evolveClient, initialClientState } from '@kapocs/intake/domain';
import { type EventStore, isRedacted, type RecordedEvent } from '@kapocs/platform/event-store';
import { type ProjectionDefinition, upsertRows } from '@kapocs/platform/projections';
import { identityHashes } from './identity-keys.js';

/** The fields whose change moves a client in the index. */
const IDENTITY_FIELDS: readonly (keyof ClientPersonalDetails)[] = ['taj', 'name', 'birthDate', 'mothersName'];

const COLUMNS = { client_id: 'text', district: 'text', taj_hash: 'text', identity_hash: 'text', survivor_id: 'text' };

type Row = {
  readonly client_id: string;
  readonly district: string;
  readonly taj_hash: string | null;
  readonly identity_hash: string;
  readonly survivor_id: string | null;
};

/**
 * The identity index of duplicate detection: per client only keyed hashes, its district and, once merged, its
 * survivor; never a name or a TAJ in plaintext. Decrypts personal data to hash it; a shredded client gets no row.
 */
export function identityIndexProjection(key: Buffer, store: EventStore): ProjectionDefinition {
  const rowOf = (clientId: string, district: string, personal: ClientPersonalDetails, survivorId?: string): Row => {
    const { tajHash, identityHash } = identityHashes(key, personal);
    return { client_id: clientId, district, taj_hash: tajHash, identity_hash: identityHash, survivor_id: survivorId ?? null };
  };

  // A correction carries only the changed fields: the whole current identity comes from the client's stream.
  async function recompute(client: pg.PoolClient, table: string, clientId: string): Promise<void> {
    const { state } = await loadStream<ClientState, never>(store, clientStreamId(clientId), initialClientState(), evolveClient);
    if (state.status === 'unregistered' || state.erased || !state.personal) {
      await client.query(`DELETE FROM ${table} WHERE client_id = $1`, [clientId]);
      return;
    }
    await upsertRows(client, { table, columns: COLUMNS, key: ['client_id'], onConflict: 'replace' }, [
      rowOf(clientId, state.district, state.personal, state.survivorId),
    ]);
  }

  async function applyRare(client: pg.PoolClient, table: string, event: RecordedEvent): Promise<void> {
    switch (event.type) {
      case CLIENT_DETAILS_CORRECTED: {
        const data = event.data as ClientDetailsCorrectedData;
        if (data.personalFields.some((f) => IDENTITY_FIELDS.includes(f))) await recompute(client, table, data.clientId);
        return;
      }
      case CLIENT_MERGED_INTO: {
        const { clientId, survivorId } = event.data as ClientMergedIntoData;
        await client.query(`UPDATE ${table} SET survivor_id = $2 WHERE client_id = $1 OR survivor_id = $1`, [clientId, survivorId]);
        return;
      }
      case CLIENT_ERASED: {
        // Clients merged into the erased one go too: they would point the worker at a client who is gone.
        const { clientId } = event.data as ClientErasedData;
        await client.query(`DELETE FROM ${table} WHERE client_id = $1 OR survivor_id = $1`, [clientId]);
        return;
      }
    }
  }

  return {
    name: 'intake.identity-index',
    version: 1,
    tables: ['identity_index'],
    types: [CLIENT_REGISTERED, CLIENT_DETAILS_CORRECTED, CLIENT_MERGED_INTO, CLIENT_ERASED],
    personal: 'decrypt',
    batchSize: 2000,
    migrations: (table) => [
      `CREATE TABLE ${table('identity_index')} (
         client_id text PRIMARY KEY,
         district text NOT NULL,
         taj_hash text,
         identity_hash text NOT NULL,
         survivor_id text)`,
      `CREATE INDEX ON ${table('identity_index')} (district, taj_hash)`,
      `CREATE INDEX ON ${table('identity_index')} (district, identity_hash)`,
    ],
    async handleBatch(client, events, ctx) {
      const table = ctx.table('identity_index');
      // Registrations are the bulk (the national load): one set-based write; the rest, rare, in commit order after.
      const registered = new Map<string, Row>();
      for (const e of events) {
        if (e.type !== CLIENT_REGISTERED) continue;
        const data = e.data as ClientRegisteredData;
        const personal = e.personal[data.clientId];
        if (personal && !isRedacted(personal)) {
          registered.set(data.clientId, rowOf(data.clientId, data.district, personal as unknown as ClientPersonalDetails));
        }
      }
      await upsertRows(client, { table, columns: COLUMNS, key: ['client_id'], onConflict: 'replace' }, [...registered.values()]);
      for (const e of events) if (e.type !== CLIENT_REGISTERED) await applyRare(client, table, e);
    },
  };
}
