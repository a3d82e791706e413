import type { Pool, PoolClient } from 'pg';
import { quoteIdent } from '@kapocs/platform/postgres';
import { applyVersions, type CodeLists, createCodeLists, type ReferenceCode } from '@kapocs/shared/reference-data';
import { CodeListVersionStore } from './code-list-versions.store.js';
import { loadCodeListFiles } from './code-list-files.js';
import { REFERENCE_SCHEMA, referenceChannel } from './reference-data.migrations.js';

/** Pause before listening again after the listening connection failed. */
const RELISTEN_MS = 1_000;

export interface LiveCodeListsOptions {
  readonly pool: Pool;
  readonly schema: string;
  /** The checked entries of the data files (`loadCodeListFiles().entries`). */
  readonly baseline: readonly ReferenceCode[];
  /** Reload failures after start (the previous catalogue stays in use); never given personal data. */
  readonly onError?: (e: unknown) => void;
}

/**
 * A service's view of the code lists: the file baseline with the operators' versions, loaded at start and again on
 * every NOTIFY of an added version. `current` is a pure CodeLists value that handlers hand to their deciders.
 */
export class LiveCodeLists {
  private catalogue: CodeLists;
  private loadedRevision = 0n;
  private listener: PoolClient | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private stopped = true;
  private readonly store: CodeListVersionStore;

  constructor(private readonly options: LiveCodeListsOptions) {
    this.catalogue = createCodeLists(options.baseline);
    this.store = new CodeListVersionStore(options.pool, options.schema, options.baseline);
  }

  get current(): CodeLists {
    return this.catalogue;
  }

  /** The id of the newest version applied (0 when none). */
  get revision(): bigint {
    return this.loadedRevision;
  }

  /** Loads once (a conflict between the files and the stored versions fails the start) and listens for changes. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    // Listening first: a version added between the load and LISTEN would otherwise go unnoticed.
    await this.reload();
  }

  private async listen(): Promise<void> {
    const client = await this.options.pool.connect();
    this.listener = client;
    client.on('notification', () => void this.reload().catch((e: unknown) => this.options.onError?.(e)));
    client.on('error', (e) => {
      // The connection is gone (e.g. a database restart): drop it, listen again and reload what was missed. A client
      // may report more than one error, and stop() may have released it already: release exactly once.
      if (this.listener !== client) return;
      this.listener = undefined;
      if (this.stopped) return;
      this.options.onError?.(e);
      client.release(e);
      this.relisten();
    });
    await client.query(`LISTEN ${quoteIdent(referenceChannel(this.options.schema))}`);
  }

  private relisten(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped) return;
      this.listen()
        .then(() => this.reload())
        .catch((e: unknown) => {
          this.options.onError?.(e);
          this.relisten();
        });
    }, RELISTEN_MS).unref();
  }

  /** Reloads from the table; concurrent calls run one after the other. */
  reload(): Promise<void> {
    const next = this.reloading.then(async () => {
      const versions = await this.store.versions();
      this.catalogue = createCodeLists(applyVersions(this.options.baseline, versions));
      this.loadedRevision = versions.length ? BigInt((versions.at(-1) as { id: string }).id) : 0n;
    });
    this.reloading = next.catch(() => undefined);
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const listener = this.listener;
    this.listener = undefined;
    if (!listener) return;
    await listener.query('UNLISTEN *').catch(() => undefined);
    // An error while unlistening means the connection is broken: hand it back to be discarded, not reused.
    listener.release();
  }
}

/**
 * What a service module provides: the shipped files checked strictly (a bad file fails the start, naming file and
 * line) with the operators' versions of `reference.code_list_versions`, listening for new ones.
 */
export async function startLiveCodeLists(pool: Pool, onError?: (e: unknown) => void, schema = REFERENCE_SCHEMA): Promise<LiveCodeLists> {
  const live = new LiveCodeLists({ pool, schema, baseline: loadCodeListFiles().entries, ...(onError ? { onError } : {}) });
  await live.start();
  return live;
}
