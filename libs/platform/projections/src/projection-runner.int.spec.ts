import { randomBytes, randomUUID } from 'node:crypto';
import { APPENDED_SIGNAL, InProcessEventBus, waitFor } from '@kapocs/platform/bus';
import {
  type Checkpoint,
  compareCheckpoints,
  encodeCheckpoint,
  type EventStore,
  fullMetadata,
  newEvent,
  type NewEvent,
} from '@kapocs/platform/event-store';
import { eventStoreMigrations, PostgresEventStore } from '@kapocs/platform/event-store-postgres';
import { runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import type { DistrictCode } from '@kapocs/shared/kernel';
import type { ProjectionDefinition } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import { upsertRows } from './upsert-rows.js';

const OPENED = 'casework.CaseOpened';

interface Knobs {
  batchSize?: number;
  failOnBatch?: number;
  gate?: Promise<void>;
  entered?: () => void;
  batches?: number[];
}

/** Cases opened per district: a counter, so any double-applied event shows up in the sums. */
const caseCounts = (version: number, knobs: Knobs = {}): ProjectionDefinition => {
  let calls = 0;
  return {
    name: 'case-counts',
    version,
    tables: ['case_counts'],
    batchSize: knobs.batchSize ?? 100,
    types: [OPENED],
    migrations: (t) => [`CREATE TABLE ${t('case_counts')} (district text PRIMARY KEY, n bigint NOT NULL)`],
    handleBatch: async (client, events, ctx) => {
      knobs.entered?.();
      await knobs.gate;
      const folded = new Map<string, number>();
      for (const e of events) folded.set(e.metadata.district, (folded.get(e.metadata.district) ?? 0) + 1);
      const rows = [...folded].map(([district, n]) => ({ district, n }));
      const spec = { table: ctx.table('case_counts'), columns: { district: 'text', n: 'bigint' }, key: ['district'] };
      await upsertRows(client, { ...spec, onConflict: { n: 't.n + excluded.n' } }, rows);
      knobs.batches?.push(events.length);
      if (knobs.failOnBatch && ++calls >= knobs.failOnBatch) throw new Error('crash after writing, before commit');
    },
  };
};

const opened = (district: string): NewEvent => ({
  ...newEvent(OPENED, { caseId: randomUUID() }),
  metadata: { ...fullMetadata(), district: district as DistrictCode },
});

describe('ProjectionRunner on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    db = await createTestDatabase('proj');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new PostgresEventStore({ pool: db.pool, schema: db.schema, masterKey: randomBytes(32) });
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await db.drop();
  });

  const runner = (projection: ProjectionDefinition, extra: Partial<ProjectionRunnerOptions> = {}) => {
    const r = new ProjectionRunner({ pool: db.pool, schema: db.schema, store, projection, eventStoreSchema: db.schema, ...extra });
    runners.push(r);
    return r;
  };
  /**
   * Appends `n` CaseOpened events over districts 101..103, plus noise the projection filters out, and waits until
   * they are visible: another session's open transaction may hold them back, which would change batch boundaries.
   */
  const append = async (n: number, chunk = 500): Promise<Checkpoint> => {
    let checkpoint: Checkpoint | undefined;
    for (let i = 0; i < n; i += chunk) {
      const events = Array.from({ length: Math.min(chunk, n - i) }, (_, j) => opened(`10${(i + j) % 3 + 1}`));
      events.push(newEvent('casework.NoteAdded'));
      checkpoint = (await store.append(`case-${randomUUID()}`, 'no_stream', events)).checkpoint;
    }
    const last = checkpoint as Checkpoint;
    await waitFor(async () => compareCheckpoints(await store.headCheckpoint(), last) >= 0, { what: 'visible appends' });
    return last;
  };
  const view = async (table = 'case_counts') =>
    (await db.pool.query(`SELECT district, n::int AS n FROM "${db.schema}".${table} ORDER BY district`)).rows;

  it('applies each event exactly once across a crash between batches', async () => {
    const head = await append(1000);
    let crash: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    const first = runner(caseCounts(1, { failOnBatch: 4 }), { onError: () => crash() });
    await first.start();
    await crashed;
    await first.stop();
    const partial = await view();
    expect(partial.reduce((sum, r) => sum + r.n, 0)).toBe(300);

    const second = runner(caseCounts(1));
    await second.start();
    await second.waitForCheckpoint(head, { timeoutMs: 20_000 });
    expect(await view()).toEqual([
      { district: '101', n: 334 },
      { district: '102', n: 333 },
      { district: '103', n: 333 },
    ]);
  });

  it('resolves waitForCheckpoint from its loop, woken by the append nudge, and reports no lag', async () => {
    const bus = new InProcessEventBus();
    const r = runner(caseCounts(1), { bus });
    await r.start();
    await r.whenLive();
    const checkpoint = await append(3);
    bus.signal(APPENDED_SIGNAL);
    await r.waitForCheckpoint(checkpoint, { timeoutMs: 20_000 });
    expect((await view()).map((row) => row.n)).toEqual([1, 1, 1]);
    expect(r.status()).toMatchObject({ name: 'case-counts', version: 1, state: 'live', leader: true });
    const never = encodeCheckpoint(2n ** 62n, 1n);
    await expect(r.waitForCheckpoint(never, { timeoutMs: 300 })).rejects.toThrow('did not reach the checkpoint');
  });

  it('moves past events of other types alone, storing the checkpoint and applying nothing', async () => {
    const bus = new InProcessEventBus();
    const r = runner(caseCounts(1), { bus });
    await r.start();
    await r.whenLive();
    const { checkpoint } = await store.append(`case-${randomUUID()}`, 'no_stream', [newEvent('casework.NoteAdded')]);
    await waitFor(async () => compareCheckpoints(await store.headCheckpoint(), checkpoint) >= 0, { what: 'visible append' });
    bus.signal(APPENDED_SIGNAL);
    await r.waitForCheckpoint(checkpoint, { timeoutMs: 20_000 });
    expect(await view()).toEqual([]);
    const { rows } = await db.pool.query<{ checkpoint: string }>(
      `SELECT checkpoint FROM "${db.schema}".projection_checkpoints WHERE name = 'case-counts' AND version = 1`,
    );
    expect(compareCheckpoints(rows[0]?.checkpoint as Checkpoint, checkpoint)).toBeGreaterThanOrEqual(0);
    // Then an event of its type still applies, after the checkpoint stored alone.
    const head = await append(3);
    bus.signal(APPENDED_SIGNAL);
    await r.waitForCheckpoint(head, { timeoutMs: 20_000 });
    expect((await view()).map((row) => row.n)).toEqual([1, 1, 1]);
  });

  it('lets a second pod follow the stored checkpoint without writing', async () => {
    const leader = runner(caseCounts(1));
    await leader.start();
    await leader.whenLive();
    const follower = runner(caseCounts(1));
    await follower.start();
    const head = await append(10);
    await follower.waitForCheckpoint(head, { timeoutMs: 20_000 });
    expect(follower.status().leader).toBe(false);
    expect((await view()).reduce((sum, r) => sum + r.n, 0)).toBe(10);
  });

  it('rebuilds a new version behind the live view, then swaps it in and drops the old tables', async () => {
    const v1 = runner(caseCounts(1));
    await v1.start();
    const head = await append(600);
    await v1.waitForCheckpoint(head, { timeoutMs: 20_000 });
    const before = await view();

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const building = new Promise<void>((resolve) => (entered = resolve));
    const batches: number[] = [];
    const v2 = runner(caseCounts(2, { gate, entered, batches, batchSize: 250 }));
    await v2.start();
    await building;
    expect(v2.status().state).toBe('building');
    expect(await view()).toEqual(before);
    expect(await view('case_counts_v2')).toEqual([]);

    release();
    await v2.whenLive({ timeoutMs: 20_000 });
    expect(batches).toEqual([250, 250, 100]);
    expect(await view()).toEqual(before);
    const old = await db.pool.query(`SELECT to_regclass($1) AS t`, [`"${db.schema}".case_counts_v1`]);
    expect(old.rows[0].t).toBeNull();
    const rows = await db.pool.query(`SELECT version, live FROM "${db.schema}".projection_checkpoints`);
    expect(rows.rows).toEqual([{ version: 2, live: true }]);
  });

  it('projects a batch of 5,000 events in one set-based transaction', async () => {
    const head = await append(5000);
    const batches: number[] = [];
    const r = runner(caseCounts(1, { batchSize: 5001, batches }));
    const started = Date.now();
    await r.start();
    await r.waitForCheckpoint(head, { timeoutMs: 30_000 });
    expect(batches).toEqual([5000]);
    expect((await view()).reduce((sum, row) => sum + row.n, 0)).toBe(5000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
