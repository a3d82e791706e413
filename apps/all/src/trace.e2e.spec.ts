import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CONFORMANCE_SUBJECTS } from '@kapocs/gateway/infrastructure';
import type { EventStore } from '@kapocs/platform/event-store';
import { setupTracing, createLogger } from '@kapocs/platform/observability';
import { defaultDatabaseUrl } from '@kapocs/platform/postgres';
import { ProjectionRunner, projectionMigrations } from '@kapocs/platform/projections';
import { runMigrations } from '@kapocs/platform/postgres';
import { bootstrap, eventMetadataFor, type PlatformConfig, type RunningPlatform } from '@kapocs/platform/runtime';
import { createTestDatabase, defaultNatsUrl, type TestDatabase, TEST_MASTER_KEY } from '@kapocs/platform/testing';
import { EVENT_STORE, type DistrictCode, type RpcReply, type RpcRequest, type SettlementCode } from '@kapocs/shared/kernel';
import { ALL_TARGETS } from './all-targets.js';

/** A service handler as every real one will be: metadata from the request, append through the platform's store. */
@Controller()
class TraceProbeController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @MessagePattern(CONFORMANCE_SUBJECTS.addNote)
  async add(@Payload() req: RpcRequest<{ district: string; settlement: string; subjectId: string; text: string }>): Promise<RpcReply> {
    const noteId = randomUUID();
    const { district, settlement, subjectId, text } = req.payload;
    const result = await this.store.append(`trace-probe-${noteId}`, 'no_stream', [
      {
        id: randomUUID(),
        type: 'conformance.SampleNoteAdded',
        schemaVersion: 1,
        data: { noteId },
        personal: { [subjectId]: { text } },
        metadata: eventMetadataFor(req, { district: district as DistrictCode, settlement: settlement as SettlementCode }),
      },
    ]);
    return { ok: true, value: { noteId, checkpoint: result.checkpoint } };
  }
}
@Module({ controllers: [TraceProbeController] })
class TraceProbeModule {}

const tracing = setupTracing({ exporter: 'memory' });
const log = createLogger({ name: 'trace-e2e', level: 'silent' });
const config = (targets: PlatformConfig['targets']): PlatformConfig => ({
  databaseUrl: defaultDatabaseUrl(),
  natsUrl: defaultNatsUrl(),
  port: 0,
  targets,
  masterKey: TEST_MASTER_KEY,
  dataDir: '/nonexistent',
  embedded: false,
  devIssuer: true,
});

describe('one trace from HTTP through NATS and the event store into a projection', () => {
  let gateway: RunningPlatform;
  let service: RunningPlatform;
  let db: TestDatabase;
  let runner: ProjectionRunner;
  const seen: string[] = [];

  beforeAll(async () => {
    gateway = await bootstrap({ gateway: ALL_TARGETS.gateway }, { config: config(['gateway']), log });
    service = await bootstrap({ intake: TraceProbeModule }, { config: config(['intake']), log });
    db = await createTestDatabase('trace');
    await runMigrations(db.pool, db.schema, projectionMigrations);
    const store = service.app.get<EventStore>(EVENT_STORE);
    runner = new ProjectionRunner({
      pool: db.pool,
      schema: db.schema,
      store,
      projection: {
        name: 'trace_probe',
        version: 1,
        tables: [],
        migrations: () => [],
        types: ['conformance.SampleNoteAdded'],
        handleBatch: async (_client, events) => {
          for (const e of events) if (e.metadata.trace) seen.push(e.metadata.trace.traceparent);
        },
      },
    });
    await runner.start();
    await runner.whenLive();
  });
  afterAll(async () => {
    await runner.stop();
    await db.drop();
    await service.close();
    await gateway.close();
  });

  it('shows the caller trace id in the gateway, the service handler, the event metadata and the projection', async () => {
    const traceId = randomUUID().replace(/-/g, '');
    const token = ((await (
      await fetch(`${gateway.url}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'w1', role: 'district_worker', district: '121', settlements: [] }),
      })
    ).json()) as { access_token: string }).access_token;
    const res = await fetch(`${gateway.url}/api/v1/districts/121/settlements/03179/sample-notes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ subjectId: `subj-${randomUUID()}`, text: 'Megfigyelt szöveg' }),
    });
    expect(res.status).toBe(201);
    const { checkpoint } = (await res.json()) as { checkpoint: string };

    await runner.waitForCheckpoint(checkpoint as never, { timeoutMs: 20_000 });
    expect(seen.some((tp) => tp.includes(traceId))).toBe(true);

    const spans = tracing.memoryExporter?.getFinishedSpans() ?? [];
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);
    expect(inTrace).toEqual(expect.arrayContaining(['projection.apply']));
    // HTTP server span of the gateway and the request-reply handler span of the service.
    expect(inTrace.length).toBeGreaterThanOrEqual(3);
  });
});
