import { type LiveCodeLists, startLiveCodeLists } from '@kapocs/platform/reference-data';
import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { SIGNALS_CONTEXT, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import type { SignalsDeps } from '@kapocs/signals/application';
import type { EventBus } from '@kapocs/platform/bus';
import { type EventStore, parseMasterKey } from '@kapocs/platform/event-store';
import type { Logger, Registry } from '@kapocs/platform/observability';
import { type ProjectionDefinition, ProjectionRunner } from '@kapocs/platform/projections';
import { EVENT_STORE_SCHEMA, LOGGER, METRICS, pingController, READINESS, type ReadinessRegistry, type ResolvedPlatformConfig } from '@kapocs/platform/runtime';
import { type Gazetteer, loadGazetteer } from '@kapocs/shared/gazetteer';
import { EVENT_BUS, EVENT_STORE, PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { seedDemoSignals } from './demo/demo-signals.seed.js';
import { deriveSignalIdentityKey } from './matches/identity-keys.js';
import { matchAlertsProjection } from './matches/match-alerts.projection.js';
import { MatchAlertQueries } from './matches/match-alerts.queries.js';
import { signalQueueProjection } from './queue/queue.projection.js';
import { SignalQueueQueries } from './queue/queue.queries.js';
import { SignalStatisticsQueries } from './queue/statistics.queries.js';
import { PublicAndAttachmentsController } from './rpc/public-and-attachments.controller.js';
import { SignalCommandsController } from './rpc/signal-commands.controller.js';
import { SignalDetailsController } from './rpc/signal-details.controller.js';
import { SignalQueriesController } from './rpc/signal-queries.controller.js';
import {
  MATCH_ALERTS_QUERIES,
  MATCH_ALERTS_RUNNER,
  SIGNAL_QUEUE_QUERIES,
  SIGNAL_QUEUE_RUNNER,
  SIGNAL_STATISTICS_QUERIES,
  SIGNALS_CONFIG,
  SIGNALS_DEPS,
  SIGNALS_GAZETTEER,
  signalsConfigFromEnv,
} from './rpc/signals-deps.token.js';

const SIGNALS_CODE_LISTS = 'KAPOCS_SIGNALS_CODE_LISTS';

/** Read models owned by signals (the queues and the member register) live in its own schema (DESIGN.md §4). */
export const SIGNALS_SCHEMA = SIGNALS_CONTEXT;

const RUNNER_DEPS = [PG_POOL, EVENT_STORE, EVENT_BUS, METRICS, LOGGER];

/** A projection runner over the signals schema. */
const runnerOf =
  (projection: ProjectionDefinition) =>
  (pool: Pool, store: EventStore, bus: EventBus, metrics: Registry, log: Logger): ProjectionRunner =>
    new ProjectionRunner({
      pool,
      schema: SIGNALS_SCHEMA,
      store,
      projection,
      bus,
      eventStoreSchema: EVENT_STORE_SCHEMA,
      registry: metrics,
      // Error name and SQLSTATE only: messages of database errors can quote row values.
      onError: (e) => log.error({ projection: projection.name, err: e instanceof Error ? e.name : 'unknown', code: (e as { code?: string }).code }, 'projection step failed'),
    });

/** The signals service: one module, started alone (`apps/signals`) or under `all`. */
@Module({
  controllers: [pingController(SIGNALS_CONTEXT, SIGNALS_SUBJECTS.ping), SignalCommandsController, SignalQueriesController, PublicAndAttachmentsController, SignalDetailsController],
  providers: [
    { provide: SIGNALS_GAZETTEER, useFactory: loadGazetteer },
    {
      // The signal code lists (ADR-0009): the data files (`signal-*.json`) with the operators' versions, reloaded when
      // one is added.
      provide: SIGNALS_CODE_LISTS,
      useFactory: (pool: Pool, log: Logger): Promise<LiveCodeLists> =>
        startLiveCodeLists(pool, (e) => log.error({ err: e instanceof Error ? e.name : 'unknown' }, 'code list reload failed')),
      inject: [PG_POOL, LOGGER],
    },
    {
      provide: SIGNALS_DEPS,
      useFactory: (store: EventStore, gazetteer: Gazetteer, codes: LiveCodeLists): SignalsDeps => ({
        store,
        settlementInDistrict: (settlement, district) => gazetteer.isSettlementInDistrict(settlement, district),
        // Read per command, so a version added at run time applies to the next command.
        get codes() {
          return codes.current;
        },
      }),
      inject: [EVENT_STORE, SIGNALS_GAZETTEER, SIGNALS_CODE_LISTS],
    },
    { provide: SIGNALS_CONFIG, useFactory: () => signalsConfigFromEnv() },
    { provide: SIGNAL_QUEUE_RUNNER, useFactory: runnerOf(signalQueueProjection), inject: RUNNER_DEPS },
    {
      provide: MATCH_ALERTS_RUNNER,
      useFactory: (config: ResolvedPlatformConfig, pool: Pool, store: EventStore, bus: EventBus, metrics: Registry, log: Logger) =>
        runnerOf(matchAlertsProjection(deriveSignalIdentityKey(parseMasterKey(config.masterKey)), store))(pool, store, bus, metrics, log),
      inject: [PLATFORM_CONFIG, ...RUNNER_DEPS],
    },
    { provide: SIGNAL_QUEUE_QUERIES, useFactory: (pool: Pool) => new SignalQueueQueries(pool, SIGNALS_SCHEMA), inject: [PG_POOL] },
    { provide: SIGNAL_STATISTICS_QUERIES, useFactory: (pool: Pool) => new SignalStatisticsQueries(pool, SIGNALS_SCHEMA), inject: [PG_POOL] },
    { provide: MATCH_ALERTS_QUERIES, useFactory: (pool: Pool) => new MatchAlertQueries(pool, SIGNALS_SCHEMA), inject: [PG_POOL] },
  ],
})
export class SignalsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(SIGNAL_QUEUE_RUNNER) private readonly queue: ProjectionRunner,
    @Inject(MATCH_ALERTS_RUNNER) private readonly matches: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: ResolvedPlatformConfig,
    @Inject(SIGNALS_DEPS) private readonly deps: SignalsDeps,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(SIGNALS_CODE_LISTS) private readonly codeLists: LiveCodeLists,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // As intake's demo district: the embedded default's demo school (the `signal_member` demo login's organisation)
    // and a few of its signals, so the portal and the queues work at once (KAPOCS_DEMO_SEED=false turns it off).
    if (this.config.embedded && process.env['KAPOCS_DEMO_SEED'] !== 'false') {
      const result = await seedDemoSignals(this.deps);
      this.log.info({ streams: result.appended, district: '121' }, 'demo signals seeded');
    }
    await this.queue.start();
    await this.matches.start();
    this.readiness.register(SIGNALS_CONTEXT, () =>
      [this.queue, this.matches].every((runner) => {
        const status = runner.status();
        return status.state === 'live' || !status.leader;
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.matches.stop();
    await this.queue.stop();
    await this.codeLists.stop();
  }
}
