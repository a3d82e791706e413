import type { Pool } from 'pg';
import { clientStreamId } from '@kapocs/intake/contracts';
import { type ClientIdentityIndex, type IdentityProbe, loadStream } from '@kapocs/intake/application';
import { type CandidateIdentity, type ClientState, evolveClient, initialClientState, localDateOf, yearOf } from '@kapocs/intake/domain';
import type { EventStore } from '@kapocs/platform/event-store';
import type { ProjectionRunner } from '@kapocs/platform/projections';
import { quoteIdent } from '@kapocs/platform/postgres';
import { type DistrictCode, DomainError, PLATFORM_ERRORS } from '@kapocs/shared/kernel';
import { identityHashes } from './identity-keys.js';
import { registrationsAfter } from './recent-registrations.js';

export interface IdentityIndexOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly key: Buffer;
  readonly store: EventStore;
  readonly runner: Pick<ProjectionRunner, 'waitForCheckpoint' | 'status'>;
  /** The service sites of a district, whose register counters list the registrations. */
  readonly sitesOf: (district: DistrictCode) => readonly string[];
  readonly timeoutMs?: number;
}

/**
 * Duplicate look-up: the keyed-hash index finds candidates without plaintext; each candidate is then read from its
 * own stream, so an erasure or merge the index has not applied yet is honoured and the domain compares real
 * identities. Registrations committed after the index's checkpoint are taken from the sites' register counters.
 */
export class PgClientIdentityIndex implements ClientIdentityIndex {
  constructor(private readonly o: IdentityIndexOptions) {}

  async candidates(district: DistrictCode, probe: IdentityProbe): Promise<readonly CandidateIdentity[]> {
    const { store, runner } = this.o;
    try {
      await runner.waitForCheckpoint(await store.headCheckpoint(), { timeoutMs: this.o.timeoutMs ?? 10_000 });
    } catch {
      throw new DomainError(PLATFORM_ERRORS.SERVICE_UNAVAILABLE, { service: 'intake' }, 'identity index behind the store');
    }
    const indexed = runner.status().checkpoint;
    const { tajHash, identityHash } = identityHashes(this.o.key, probe);
    const { rows } = await this.o.pool.query<{ client_id: string }>(
      `SELECT client_id FROM ${quoteIdent(this.o.schema)}.identity_index
        WHERE district = $1 AND (taj_hash = $2 OR identity_hash = $3)`,
      [district, tajHash, identityHash],
    );
    const year = yearOf(localDateOf(new Date().toISOString()));
    const recent = await registrationsAfter(store, this.o.sitesOf(district), year, indexed);
    const ids = new Set([...rows.map((r) => r.client_id), ...recent]);
    const found: CandidateIdentity[] = [];
    for (const clientId of ids) {
      const { state } = await loadStream<ClientState, never>(store, clientStreamId(clientId), initialClientState(), evolveClient);
      if (state.status === 'unregistered' || state.erased || !state.personal || state.district !== district) continue;
      const { name, birthDate, mothersName, taj } = state.personal;
      found.push({
        clientId,
        identity: { name, birthDate, mothersName, ...(taj ? { taj } : {}) },
        ...(state.survivorId ? { survivorId: state.survivorId } : {}),
      });
    }
    return found;
  }
}
