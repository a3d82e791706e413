import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS } from '@kapocs/projector/contracts';
import type { EventBus } from '@kapocs/platform/bus';
import type { Checkpoint, EventStore } from '@kapocs/platform/event-store';
import type { Logger, Registry } from '@kapocs/platform/observability';
import { ProjectionRunner, type ProjectionDefinition } from '@kapocs/platform/projections';
import {
  EVENT_STORE_SCHEMA,
  LOGGER,
  METRICS,
  pingController,
  READINESS,
  type ReadinessRegistry,
} from '@kapocs/platform/runtime';
import { EVENT_BUS, EVENT_STORE, PG_POOL } from '@kapocs/shared/kernel';
import { ProjectionRunners } from './projection-runners.js';
import { PROJECTOR_SCHEMA } from './projector-schema.js';
import { clientRegisterProjectionV2 } from './projections/client-register.projection.js';
import { contactLogProjectionV2 } from './projections/contact-log.projection.js';
import { eventActivityProjection } from './projections/event-activity.projection.js';
import { RecordsQueryController } from './records/records-query.controller.js';


/** Every projection this service runs; later issues add the esetnapló… */
export const PROJECTIONS: readonly ProjectionDefinition[] = [
  eventActivityProjection,
  clientRegisterProjectionV2,
  contactLogProjectionV2,
];

/** The projector service: runs the projection runners, started alone (`apps/projector`) or under `all`. */
@Module({
  controllers: [pingController(PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS.ping), RecordsQueryController],
  providers: [ProjectionRunners],
})
export class ProjectorModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(METRICS) private readonly metrics: Registry,
    @Inject(LOGGER) private readonly log: Logger,
    private readonly running: ProjectionRunners,
  ) {}

  private get runners(): ProjectionRunner[] {
    return this.running.list;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner({
        pool: this.pool,
        schema: PROJECTOR_SCHEMA,
        store: this.store,
        projection,
        bus: this.bus,
        eventStoreSchema: EVENT_STORE_SCHEMA,
        registry: this.metrics,
        // Error name and SQLSTATE only: messages of database errors can quote row values.
        onError: (e) =>
          this.log.error(
            { projection: projection.name, err: e instanceof Error ? e.name : 'unknown', code: (e as { code?: string }).code },
            'projection step failed',
          ),
      });
      this.runners.push(runner);
      await runner.start();
    }
    // Ready once every projection has caught up with the log as it was at start.
    this.readiness.register(PROJECTOR_CONTEXT, () => this.runners.every((r) => r.status().state === 'live' || !r.status().leader));
  }

  /** Read-your-writes: resolves when every projection has processed `checkpoint` (no sleeping, ADR-0003). */
  async waitForCheckpoint(checkpoint: Checkpoint, timeoutMs = 10_000): Promise<void> {
    await this.running.waitFor(checkpoint, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
  }
}
