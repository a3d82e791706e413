import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { STATISTICS_CONTEXT, STATISTICS_SUBJECTS } from '@kapocs/statistics/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The statistics service: one module, started alone (`apps/statistics`) or under `all`. */
@Module({ controllers: [pingController(STATISTICS_CONTEXT, STATISTICS_SUBJECTS.ping)] })
export class StatisticsModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(STATISTICS_CONTEXT, () => true);
  }
}
