import type pg from 'pg';
import type { RecordedEvent } from '@kapocs/platform/event-store';

export interface ProjectionContext {
  /** Quoted `schema.<base>_v<version>`: handlers write to the version being built, never to the view. */
  table(base: string): string;
  readonly version: number;
  /** True while this version is built behind the live one (no side effects belong in projections anyway). */
  readonly rebuilding: boolean;
}

/**
 * A read model fed from the event store. Its tables are suffixed with the version and served through views named
 * after the base tables; bumping `version` rebuilds from the start while the old version keeps serving (ADR-0003).
 */
export interface ProjectionDefinition {
  /** Stable name, e.g. `casework.case-log`. */
  readonly name: string;
  /** Bump on any change of tables or handler logic: a new version is built from the first event, then swapped in. */
  readonly version: number;
  /** Base table names; each becomes `<table>_v<version>` behind a view `<table>`. */
  readonly tables: readonly string[];
  /** DDL creating the versioned tables, given a function from base name to the quoted versioned name. */
  readonly migrations: (table: (base: string) => string) => readonly string[];
  /**
   * Applies one batch inside the transaction that also stores the checkpoint (exactly-once effect). Fold the batch
   * in memory and write set-based (`upsertRows`): per-event statements are ~11× slower (EVENTSTORE.md §6).
   */
  readonly handleBatch: (client: pg.PoolClient, events: readonly RecordedEvent[], ctx: ProjectionContext) => Promise<void>;
  /** Events per transaction; 1,000–5,000 for rebuilds. */
  readonly batchSize?: number;
  /** Only these event types are handed to the handler; the checkpoint still advances past the others. */
  readonly types?: readonly string[];
  /**
   * `decrypt` hands the handler the subjects' personal data; the default `omit` reads none (least privilege, no key
   * lookups): most read models are built from codes and ids.
   */
  readonly personal?: 'decrypt' | 'omit';
}
