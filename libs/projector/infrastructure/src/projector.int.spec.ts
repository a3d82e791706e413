import { randomUUID } from 'node:crypto';
import type { EventStore } from '@kapocs/platform/event-store';
import { createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { bootstrap, type PlatformConfig, type RunningPlatform } from '@kapocs/platform/runtime';
import { defaultNatsUrl, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { EVENT_STORE, PG_POOL, type DistrictCode } from '@kapocs/shared/kernel';
import type { Pool } from 'pg';
import { ProjectorModule } from './projector.module.js';
import { projectorTarget } from './projector.target.js';

const config: PlatformConfig = {
  databaseUrl: defaultDatabaseUrl(),
  natsUrl: defaultNatsUrl(),
  port: 0,
  targets: ['projector'],
  masterKey: TEST_MASTER_KEY,
  dataDir: '/nonexistent',
  embedded: false,
  devIssuer: false,
};

describe('projector target', () => {
  let p: RunningPlatform;
  beforeAll(async () => {
    p = await bootstrap({ projector: projectorTarget }, { config, log: createLogger({ name: 't', level: 'silent' }) });
  });
  afterAll(() => p.close());

  it('projects appended events into the activity read model and reports projection lag', async () => {
    const store = p.app.get<EventStore>(EVENT_STORE);
    // A district code of its own so that other suites appending to the same database do not disturb the counts.
    const district = String(900 + Math.floor(Math.random() * 99)) as DistrictCode;
    const type = `probe.Activity${randomUUID().slice(0, 8)}`;
    const metadata = { actor: { userId: 'u', role: 'operator' as const }, district, correlationId: randomUUID() };
    const events = [1, 2, 3].map(() => ({ id: randomUUID(), type, schemaVersion: 1, data: {}, metadata }));
    const r = await store.append(`probe-${randomUUID()}`, 'no_stream', events);

    await p.app.get(ProjectorModule).waitForCheckpoint(r.checkpoint, 20_000);
    const { rows } = await p.app
      .get<Pool>(PG_POOL)
      .query<{ events: string }>('SELECT events FROM projector.event_activity WHERE district = $1 AND type = $2', [district, type]);
    expect(rows.map((row) => Number(row.events))).toEqual([3]);

    const metrics = await (await fetch(`${p.url}/metrics`)).text();
    expect(metrics).toMatch(/kapocs_projection_lag_events\{projection="projector\.event-activity"\} \d/);
    expect(metrics).toMatch(/kapocs_projection_lag_seconds\{projection="projector\.event-activity"\}/);
    expect(metrics).toContain('kapocs_eventstore_append_seconds');
    expect((await fetch(`${p.url}/health/ready`)).status).toBe(200);
  });
});
