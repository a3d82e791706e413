import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CASEWORK_CONTEXT, CASEWORK_SUBJECTS } from '@kapocs/casework/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The casework service: one module, started alone (`apps/casework`) or under `all`. */
@Module({ controllers: [pingController(CASEWORK_CONTEXT, CASEWORK_SUBJECTS.ping)] })
export class CaseworkModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(CASEWORK_CONTEXT, () => true);
  }
}
