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
import { eventActivityProjection } from './projections/event-activity.projection.js';

/** Read models of the projector live in their own schema (DESIGN.md §4). */
export const PROJECTOR_SCHEMA = 'projector';

/** Every projection this service runs; later issues add the forgalmi napló, the esetnapló, the register… */
export const PROJECTIONS: readonly ProjectionDefinition[] = [eventActivityProjection];

/** The projector service: runs the projection runners, started alone (`apps/projector`) or under `all`. */
@Module({ controllers: [pingController(PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS.ping)] })
export class ProjectorModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners: ProjectionRunner[] = [];

  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(METRICS) private readonly metrics: Registry,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

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
    await Promise.all(this.runners.map((r) => r.waitForCheckpoint(checkpoint, { timeoutMs })));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
  }
}
