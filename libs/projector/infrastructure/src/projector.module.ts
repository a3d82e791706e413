import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS } from '@kapocs/projector/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The projector service: one module, started alone (`apps/projector`) or under `all`. */
@Module({ controllers: [pingController(PROJECTOR_CONTEXT, PROJECTOR_SUBJECTS.ping)] })
export class ProjectorModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(PROJECTOR_CONTEXT, () => true);
  }
}
