import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { INTAKE_CONTEXT, INTAKE_SUBJECTS } from '@kapocs/intake/contracts';
import type { IntakeDeps } from '@kapocs/intake/application';
import { seedDemoDistrict } from '@kapocs/intake/demo';
import type { EventBus } from '@kapocs/platform/bus';
import { type EventStore, parseMasterKey } from '@kapocs/platform/event-store';
import type { Logger, Registry } from '@kapocs/platform/observability';
import { ProjectionRunner } from '@kapocs/platform/projections';
import {
  EVENT_STORE_SCHEMA,
  LOGGER,
  METRICS,
  pingController,
  READINESS,
  type ReadinessRegistry,
  type ResolvedPlatformConfig,
} from '@kapocs/platform/runtime';
import { type LiveCodeLists, startLiveCodeLists } from '@kapocs/platform/reference-data';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import { EVENT_BUS, EVENT_STORE, PG_POOL, PLATFORM_CONFIG } from '@kapocs/shared/kernel';
import { identityIndexProjection } from './identity/identity-index.projection.js';
import { deriveIdentityIndexKey } from './identity/identity-keys.js';
import { PgClientIdentityIndex } from './identity/pg-client-identity-index.js';
import { GazetteerSettlementDirectory } from './ports/gazetteer-settlement-directory.js';
import { ClientCommandsController } from './rpc/client-commands.controller.js';
import { ContactCommandsController } from './rpc/contact-commands.controller.js';
import { INTAKE_DEPS } from './rpc/intake-deps.token.js';

/** Read models owned by intake (the identity index) live in its own schema (DESIGN.md §4). */
export const INTAKE_SCHEMA = INTAKE_CONTEXT;

const IDENTITY_INDEX_RUNNER = 'KAPOCS_INTAKE_IDENTITY_INDEX_RUNNER';
const IDENTITY_KEY = 'KAPOCS_INTAKE_IDENTITY_KEY';
const CODE_LISTS = 'KAPOCS_INTAKE_CODE_LISTS';

/** The intake service: one module, started alone (`apps/intake`) or under `all`. */
@Module({
  controllers: [pingController(INTAKE_CONTEXT, INTAKE_SUBJECTS.ping), ClientCommandsController, ContactCommandsController],
  providers: [
    {
      provide: IDENTITY_KEY,
      useFactory: (config: ResolvedPlatformConfig) => deriveIdentityIndexKey(parseMasterKey(config.masterKey)),
      inject: [PLATFORM_CONFIG],
    },
    {
      provide: IDENTITY_INDEX_RUNNER,
      useFactory: (pool: Pool, store: EventStore, bus: EventBus, metrics: Registry, log: Logger, key: Buffer) =>
        new ProjectionRunner({
          pool,
          schema: INTAKE_SCHEMA,
          store,
          projection: identityIndexProjection(key, store),
          bus,
          eventStoreSchema: EVENT_STORE_SCHEMA,
          registry: metrics,
          // Error name and SQLSTATE only: messages of database errors can quote row values.
          onError: (e) =>
            log.error({ projection: 'intake.identity-index', err: e instanceof Error ? e.name : 'unknown', code: (e as { code?: string }).code }, 'projection step failed'),
        }),
      inject: [PG_POOL, EVENT_STORE, EVENT_BUS, METRICS, LOGGER, IDENTITY_KEY],
    },
    {
      // The code lists (ADR-0009): the data files, checked strictly (a bad file fails the start), with the operators'
      // versions, reloaded when one is added.
      provide: CODE_LISTS,
      useFactory: (pool: Pool, log: Logger): Promise<LiveCodeLists> =>
        startLiveCodeLists(pool, (e) => log.error({ err: e instanceof Error ? e.name : 'unknown' }, 'code list reload failed')),
      inject: [PG_POOL, LOGGER],
    },
    {
      provide: INTAKE_DEPS,
      useFactory: (pool: Pool, store: EventStore, key: Buffer, runner: ProjectionRunner, codes: LiveCodeLists): IntakeDeps => {
        const gazetteer = loadGazetteer();
        const sitesOf = (district: string) => gazetteer.district(district)?.settlements.map((s) => s.code) ?? [];
        return {
          store,
          settlements: new GazetteerSettlementDirectory(gazetteer),
          identities: new PgClientIdentityIndex({ pool, schema: INTAKE_SCHEMA, key, store, runner, sitesOf }),
          // Read per command, so a version added at run time applies to the next command.
          get rules() {
            return { codes: codes.current };
          },
        };
      },
      inject: [PG_POOL, EVENT_STORE, IDENTITY_KEY, IDENTITY_INDEX_RUNNER, CODE_LISTS],
    },
  ],
})
export class IntakeModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    @Inject(IDENTITY_INDEX_RUNNER) private readonly identityIndex: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: ResolvedPlatformConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(CODE_LISTS) private readonly codeLists: LiveCodeLists,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The embedded default shows a real district at once: the Szécsényi járás (121), fictitious and deterministic, so
    // a restart appends nothing new (KAPOCS_DEMO_SEED=false turns it off).
    if (this.config.embedded && process.env['KAPOCS_DEMO_SEED'] !== 'false') {
      const result = await seedDemoDistrict(this.store, { concurrency: 2 });
      this.log.info({ events: result.events, district: '121' }, 'demo district seeded');
    }
    await this.identityIndex.start();
    // Duplicate checks wait for the index anyway; ready once it serves (or another pod leads it).
    this.readiness.register(INTAKE_CONTEXT, () => {
      const status = this.identityIndex.status();
      return status.state === 'live' || !status.leader;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.identityIndex.stop();
    await this.codeLists.stop();
  }
}
