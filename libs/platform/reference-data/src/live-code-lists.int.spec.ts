import { runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { REFERENCE_ERRORS, type ReferenceCode } from '@kapocs/shared/reference-data';
import { loadCodeListFiles } from './code-list-files.js';
import { CodeListVersionStore } from './code-list-versions.store.js';
import { LiveCodeLists } from './live-code-lists.js';
import { referenceMigrations } from './reference-data.migrations.js';

/** Polls `check` every 20 ms until it holds or the deadline passes (a bounded poll, not a fixed sleep). */
async function waitFor(check: () => boolean, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const version = (over: Partial<ReferenceCode> = {}): ReferenceCode => ({
  list: 'contactMode',
  code: 'VIDEO',
  labelHu: 'Videóhívás',
  labelEn: 'Video call',
  validFrom: '2024-06-01',
  source: 'teszt rendelet 1. §',
  ...over,
});

describe('operator versions in PostgreSQL', () => {
  let db: TestDatabase;
  let store: CodeListVersionStore;
  let live: LiveCodeLists;
  const baseline = loadCodeListFiles().entries;

  beforeAll(async () => {
    db = await createTestDatabase('ref');
    await runMigrations(db.pool, db.schema, referenceMigrations);
    store = new CodeListVersionStore(db.pool, db.schema, baseline);
    live = new LiveCodeLists({ pool: db.pool, schema: db.schema, baseline });
    await live.start();
  });
  afterAll(async () => {
    await live.stop();
    await db.drop();
  });

  it('starts from the files and picks up an added version through NOTIFY', async () => {
    expect(live.current.find('contactMode', 'VIDEO', '2024-07-01')).toBeUndefined();
    const stored = await store.append(version(), 'operator-1');
    expect(stored).toMatchObject({ code: 'VIDEO', validFrom: '2024-06-01', addedBy: 'operator-1', source: 'teszt rendelet 1. §' });
    await waitFor(() => live.revision >= BigInt(stored.id));
    expect(live.current.find('contactMode', 'VIDEO', '2024-06-01')?.labelEn).toBe('Video call');
    expect(live.current.find('contactMode', 'VIDEO', '2024-05-31')).toBeUndefined();
  });

  it('refuses a conflicting version and stores nothing', async () => {
    const before = (await store.versions()).length;
    await expect(store.append(version({ validFrom: '2024-01-01' }), 'operator-1')).rejects.toMatchObject({ code: REFERENCE_ERRORS.VERSION_CONFLICT });
    expect(await store.versions()).toHaveLength(before);
  });

  it('keeps the table append-only', async () => {
    await expect(db.pool.query(`UPDATE "${db.schema}".code_list_versions SET label_hu = 'x'`)).rejects.toThrow('append-only');
    await expect(db.pool.query(`DELETE FROM "${db.schema}".code_list_versions`)).rejects.toThrow('append-only');
  });

  it('listens again after its connection is cut, and catches up', async () => {
    const { rows } = await db.pool.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query = $1`,
      [`LISTEN "kapocs_ref_${db.schema}"`],
    );
    expect(rows.map((r) => r.ok)).toEqual([true]);
    const stored = await store.append(version({ code: 'VIDEO2', validFrom: '2024-08-01' }), 'operator-1');
    await waitFor(() => live.revision >= BigInt(stored.id), 15_000);
    expect(live.current.find('contactMode', 'VIDEO2', '2024-08-01')).toBeDefined();
  });

  it('a fresh catalogue sees the same versions at start', async () => {
    const other = new LiveCodeLists({ pool: db.pool, schema: db.schema, baseline });
    await other.start();
    try {
      expect(other.current.find('contactMode', 'VIDEO', '2024-06-01')).toBeDefined();
      expect(other.revision).toBe(live.revision);
    } finally {
      await other.stop();
    }
  });
});
