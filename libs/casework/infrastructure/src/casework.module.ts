import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { CASEWORK_CONTEXT, CASEWORK_SUBJECTS } from '@kapocs/casework/contracts';
import type { CaseworkDeps } from '@kapocs/casework/application';
import type { EventBus } from '@kapocs/platform/bus';
import type { EventStore } from '@kapocs/platform/event-store';
import type { Logger, Registry } from '@kapocs/platform/observability';
import { ProjectionRunner } from '@kapocs/platform/projections';
import { type LiveCodeLists, startLiveCodeLists } from '@kapocs/platform/reference-data';
import { EVENT_STORE_SCHEMA, LOGGER, METRICS, pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';
import { EVENT_BUS, EVENT_STORE, PG_POOL } from '@kapocs/shared/kernel';
import { caseloadProjection } from './caseload/caseload.projection.js';
import { CaseloadQueries } from './caseload/caseload.queries.js';
import { CaseCommandsController } from './rpc/case-commands.controller.js';
import { CaseQueriesController } from './rpc/case-queries.controller.js';
import { CASELOAD_QUERIES, CASELOAD_RUNNER, CASEWORK_DEPS } from './rpc/casework-deps.token.js';

/** Read models owned by casework (the caseload) live in its own schema (DESIGN.md §4). */
export const CASEWORK_SCHEMA = CASEWORK_CONTEXT;

const CODE_LISTS = 'KAPOCS_CASEWORK_CODE_LISTS';

/** The casework service: one module, started alone (`apps/casework`) or under `all`. */
@Module({
  controllers: [pingController(CASEWORK_CONTEXT, CASEWORK_SUBJECTS.ping), CaseCommandsController, CaseQueriesController],
  providers: [
    {
      // The shared code lists (ADR-0009): files plus operator versions, read per command.
      provide: CODE_LISTS,
      useFactory: (pool: Pool, log: Logger): Promise<LiveCodeLists> =>
        startLiveCodeLists(pool, (e) => log.error({ err: e instanceof Error ? e.name : 'unknown' }, 'code list reload failed')),
      inject: [PG_POOL, LOGGER],
    },
    {
      provide: CASEWORK_DEPS,
      useFactory: (store: EventStore, codes: LiveCodeLists): CaseworkDeps => ({
        store,
        get codes() {
          return codes.current;
        },
      }),
      inject: [EVENT_STORE, CODE_LISTS],
    },
    {
      provide: CASELOAD_RUNNER,
      useFactory: (pool: Pool, store: EventStore, bus: EventBus, metrics: Registry, log: Logger) =>
        new ProjectionRunner({
          pool,
          schema: CASEWORK_SCHEMA,
          store,
          projection: caseloadProjection,
          bus,
          eventStoreSchema: EVENT_STORE_SCHEMA,
          registry: metrics,
          // Error name and SQLSTATE only: messages of database errors can quote row values.
          onError: (e) =>
            log.error({ projection: caseloadProjection.name, err: e instanceof Error ? e.name : 'unknown', code: (e as { code?: string }).code }, 'projection step failed'),
        }),
      inject: [PG_POOL, EVENT_STORE, EVENT_BUS, METRICS, LOGGER],
    },
    { provide: CASELOAD_QUERIES, useFactory: (pool: Pool) => new CaseloadQueries(pool, CASEWORK_SCHEMA), inject: [PG_POOL] },
  ],
})
export class CaseworkModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(CASELOAD_RUNNER) private readonly caseload: ProjectionRunner,
    @Inject(CODE_LISTS) private readonly codeLists: LiveCodeLists,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.caseload.start();
    this.readiness.register(CASEWORK_CONTEXT, () => {
      const status = this.caseload.status();
      return status.state === 'live' || !status.leader;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.caseload.stop();
    await this.codeLists.stop();
  }
}
