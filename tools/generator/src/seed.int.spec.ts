import { randomBytes } from 'node:crypto';
import { INTAKE_EVENT_TYPES } from '@kapocs/intake/contracts';
import { seed } from '@kapocs/intake/demo';
import { PostgresEventStore, eventStoreMigrations } from '@kapocs/platform/event-store-postgres';
import { quoteIdent, runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';

const SMALL = '103'; // Bélapátfalvai járás: 8 settlements, about 2,500 contacts

describe('generator into PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('gen');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new PostgresEventStore({ pool: db.pool, schema: db.schema, masterKey: randomBytes(32) });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const counts = async (): Promise<Map<string, number>> => {
    const { rows } = await db.pool.query<{ type: string; n: string }>(
      `SELECT type, count(*) AS n FROM ${quoteIdent(db.schema)}.events GROUP BY type`,
    );
    return new Map(rows.map((r) => [r.type, Number(r.n)]));
  };

  it('stores a seeded district through appendMany with the counts the generator reports', async () => {
    const result = await seed({ store, districts: [SMALL], seed: 1, year: 2025, concurrency: 3, streamsPerBatch: 200 });
    const byType = await counts();
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(result.events);
    expect(byType.get('intake.ClientRegistered')).toBe(result.clients);
    expect(byType.get('intake.RegisterNumberAssigned')).toBe(result.clients);
    expect((byType.get('intake.ContactLogged') ?? 0) + (byType.get('intake.GroupSessionLogged') ?? 0)).toBe(result.contacts);
    expect([...byType.keys()].every((t) => (INTAKE_EVENT_TYPES as readonly string[]).includes(t))).toBe(true);
    expect(result.contacts).toBeGreaterThan(2000);

    const { rows } = await db.pool.query<{ district: string; n: string }>(
      `SELECT district, count(*) AS n FROM ${quoteIdent(db.schema)}.events GROUP BY district`,
    );
    expect(rows.map((r) => r.district)).toEqual([SMALL]);
  });

  it('appends nothing on a second run with the same seed', async () => {
    const before = await store.headCheckpoint();
    const again = await seed({ store, districts: [SMALL], seed: 1, year: 2025 });
    expect(again.sitesSkipped).toBe(again.sitesTotal);
    expect(await store.headCheckpoint()).toBe(before);
  });
});
