import { randomUUID } from 'node:crypto';
import { runMigrations } from '@kapocs/platform/postgres';
import { createTestDatabase, type TestDatabase } from '@kapocs/platform/testing';
import { gatewayMigrations } from '../gateway.migrations.js';
import { IdempotencyPurger, IdempotencyStore } from './idempotency.store.js';

let db: TestDatabase;
let store: IdempotencyStore;

beforeAll(async () => {
  db = await createTestDatabase('idem');
  await runMigrations(db.pool, db.schema, gatewayMigrations);
  store = new IdempotencyStore(db.pool, db.schema);
});
afterAll(async () => {
  await db?.drop();
});

/** Backdates a key past the 24-hour TTL, as if it had been claimed yesterday. */
const expire = (actor: string, key: string) =>
  db.pool.query(`UPDATE "${db.schema}".idempotency_keys SET created_at = now() - interval '25 hours' WHERE actor = $1 AND key = $2`, [actor, key]);

const keysOf = async (actor: string): Promise<string[]> =>
  (await db.pool.query<{ key: string }>(`SELECT key FROM "${db.schema}".idempotency_keys WHERE actor = $1 ORDER BY key`, [actor])).rows.map(
    (r) => r.key,
  );

describe('IdempotencyStore (one-statement claim)', () => {
  it('claims a new key, reports it in progress, then replays the completed response', async () => {
    const actor = `a-${randomUUID()}`;
    expect(await store.begin(actor, 'k1', 'h1')).toEqual({ kind: 'new' });
    expect(await store.begin(actor, 'k1', 'h1')).toEqual({ kind: 'in-progress' });
    await store.complete(actor, 'k1', 201, { id: 'x' });
    expect(await store.begin(actor, 'k1', 'h1')).toEqual({ kind: 'replay', status: 201, body: { id: 'x' } });
    expect(await store.begin(actor, 'k1', 'h2')).toEqual({ kind: 'reused' });
  });

  it('keeps keys per actor', async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    expect(await store.begin(a, 'same', 'h')).toEqual({ kind: 'new' });
    expect(await store.begin(b, 'same', 'h')).toEqual({ kind: 'new' });
  });

  it('lets a released key be claimed again', async () => {
    const actor = `a-${randomUUID()}`;
    expect(await store.begin(actor, 'k', 'h')).toEqual({ kind: 'new' });
    await store.release(actor, 'k');
    expect(await store.begin(actor, 'k', 'other')).toEqual({ kind: 'new' });
  });

  it('treats an expired key as new and forgets its stored response', async () => {
    const actor = `a-${randomUUID()}`;
    await store.begin(actor, 'old', 'h1');
    await store.complete(actor, 'old', 201, { secret: 'yesterday' });
    await expire(actor, 'old');
    expect(await store.begin(actor, 'old', 'h2')).toEqual({ kind: 'new' });
    const { rows } = await db.pool.query(`SELECT request_hash, status, response_body FROM "${db.schema}".idempotency_keys WHERE actor = $1`, [actor]);
    expect(rows).toEqual([{ request_hash: 'h2', status: 'in_progress', response_body: null }]);
  });

  it('leaves expired keys to the purge, which deletes every expired key and nothing else', async () => {
    const [actor, other] = [`a-${randomUUID()}`, `o-${randomUUID()}`];
    for (const k of ['gone', 'kept']) await store.begin(actor, k, 'h');
    await store.begin(other, 'theirs', 'h');
    await expire(actor, 'gone');
    await expire(other, 'theirs');
    expect(await store.begin(actor, 'fresh', 'h')).toEqual({ kind: 'new' });
    expect(await keysOf(actor)).toEqual(['fresh', 'gone', 'kept']);
    const purger = new IdempotencyPurger(store);
    try {
      // Other suites' expired keys share the table: at least our two go.
      expect(await purger.start()).toBeGreaterThanOrEqual(2);
    } finally {
      await purger.stop();
    }
    expect(await keysOf(actor)).toEqual(['fresh', 'kept']);
    expect(await keysOf(other)).toEqual([]);
  });

  it('reports a failing purge and goes on', async () => {
    const errors: unknown[] = [];
    const purger = new IdempotencyPurger({ purgeExpired: () => Promise.reject(new Error('down')) }, 60_000, (e) => errors.push(e));
    expect(await purger.runOnce()).toBe(0);
    await purger.stop();
    expect(errors).toEqual([new Error('down')]);
  });

  it('grants a key to exactly one of many concurrent claims', async () => {
    const actor = `a-${randomUUID()}`;
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.begin(actor, 'race', 'h')));
    expect(outcomes.filter((o) => o.kind === 'new')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'in-progress')).toHaveLength(11);
  });

  it('grants an expired key to exactly one of many concurrent take-overs', async () => {
    const actor = `a-${randomUUID()}`;
    await store.begin(actor, 'stale', 'h');
    await store.complete(actor, 'stale', 201, { old: true });
    await expire(actor, 'stale');
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.begin(actor, 'stale', 'h')));
    expect(outcomes.filter((o) => o.kind === 'new')).toHaveLength(1);
    // Never the stale response of yesterday.
    expect(outcomes.filter((o) => o.kind === 'replay')).toHaveLength(0);
  });
});
