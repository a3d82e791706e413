import type pg from 'pg';
import { START, type Checkpoint } from '@kapocs/platform/event-store';
import { quoteIdent, withTransaction } from '@kapocs/platform/postgres';
import type { ProjectionDefinition } from './projection.js';

export type VersionState = 'live' | 'building' | 'retired';

/** Versioned table name: `<base>_v<version>`, quoted with its schema. */
export const versionedTable = (schema: string, base: string, version: number): string =>
  `${quoteIdent(schema)}.${quoteIdent(`${base}_v${version}`)}`;

/** The SQL side of blue/green projection versions and their checkpoints (ADR-0003). */
export class ProjectionVersions {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly def: ProjectionDefinition,
  ) {
    this.table = `${quoteIdent(schema)}.projection_checkpoints`;
  }

  /**
   * Creates this version's tables on first sight. The first version of a projection goes live at once (there is
   * nothing to serve before it); a later one builds behind the live one. An older version than the live one retires.
   */
  async prepare(): Promise<{ state: VersionState; checkpoint: Checkpoint }> {
    return withTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        'kapocs-projection-ddl',
        `${this.schema}.${this.def.name}`,
      ]);
      const mine = await this.row(c);
      if (mine) return { state: mine.live ? 'live' : 'building', checkpoint: mine.checkpoint };
      const { rows } = await c.query<{ version: number }>(
        `SELECT version FROM ${this.table} WHERE name = $1 AND live`,
        [this.def.name],
      );
      const live = rows[0]?.version;
      if (live !== undefined && live > this.def.version) return { state: 'retired', checkpoint: START };
      for (const sql of this.def.migrations((base) => this.tableOf(base))) await c.query(sql);
      await c.query(`INSERT INTO ${this.table} (name, version, checkpoint, tables) VALUES ($1, $2, $3, $4)`, [
        this.def.name,
        this.def.version,
        START,
        this.def.tables,
      ]);
      if (live === undefined) await this.swapIn(c);
      return { state: live === undefined ? 'live' : 'building', checkpoint: START };
    });
  }

  /** The stored checkpoint, or undefined when this version was retired by a newer one. */
  async checkpoint(client: pg.Pool | pg.PoolClient = this.pool): Promise<Checkpoint | undefined> {
    return (await this.row(client))?.checkpoint;
  }

  /**
   * Moves the checkpoint from `from` to `to` in one conditional UPDATE, which also locks the row for the rest of the
   * transaction (one round trip instead of a `SELECT … FOR UPDATE` and an `UPDATE`). Otherwise tells why not:
   * the row is gone (retired by a newer version) or holds another checkpoint (moved under the lease).
   */
  async advanceCheckpoint(client: pg.Pool | pg.ClientBase, from: Checkpoint, to: Checkpoint): Promise<'ok' | 'retired' | 'moved'> {
    const { rowCount } = await client.query(
      `UPDATE ${this.table} SET checkpoint = $4, updated_at = now() WHERE name = $1 AND version = $2 AND checkpoint = $3`,
      [this.def.name, this.def.version, from, to],
    );
    if (rowCount === 1) return 'ok';
    return (await this.row(client)) === undefined ? 'retired' : 'moved';
  }

  /**
   * Points the views at this version and drops the older versions' tables, in one transaction, unless a newer
   * version went live meanwhile.
   */
  async swap(): Promise<VersionState> {
    return withTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        'kapocs-projection-ddl',
        `${this.schema}.${this.def.name}`,
      ]);
      const { rows } = await c.query<{ version: number }>(
        `SELECT version FROM ${this.table} WHERE name = $1 AND live`,
        [this.def.name],
      );
      const live = rows[0]?.version;
      if (live !== undefined && live > this.def.version) return 'retired';
      await this.swapIn(c);
      return 'live';
    });
  }

  private async swapIn(c: pg.PoolClient): Promise<void> {
    const { rows: others } = await c.query<{ version: number; tables: string[] }>(
      `SELECT version, tables FROM ${this.table} WHERE name = $1 AND version < $2 FOR UPDATE`,
      [this.def.name, this.def.version],
    );
    const s = quoteIdent(this.schema);
    for (const base of new Set([...this.def.tables, ...others.flatMap((o) => o.tables)]))
      await c.query(`DROP VIEW IF EXISTS ${s}.${quoteIdent(base)}`);
    for (const base of this.def.tables)
      await c.query(`CREATE VIEW ${s}.${quoteIdent(base)} AS SELECT * FROM ${this.tableOf(base)}`);
    for (const o of others)
      for (const base of o.tables) await c.query(`DROP TABLE IF EXISTS ${versionedTable(this.schema, base, o.version)}`);
    await c.query(`DELETE FROM ${this.table} WHERE name = $1 AND version < $2`, [this.def.name, this.def.version]);
    await c.query(`UPDATE ${this.table} SET live = true WHERE name = $1 AND version = $2`, [
      this.def.name,
      this.def.version,
    ]);
  }

  private tableOf(base: string): string {
    return versionedTable(this.schema, base, this.def.version);
  }

  private async row(c: pg.Pool | pg.ClientBase): Promise<{ checkpoint: Checkpoint; live: boolean } | undefined> {
    const { rows } = await c.query<{ checkpoint: Checkpoint; live: boolean }>(
      `SELECT checkpoint, live FROM ${this.table} WHERE name = $1 AND version = $2`,
      [this.def.name, this.def.version],
    );
    return rows[0];
  }
}
