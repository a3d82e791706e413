import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { INTAKE_CONTEXT, INTAKE_SUBJECTS } from '@kapocs/intake/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The intake service: one module, started alone (`apps/intake`) or under `all`. */
@Module({ controllers: [pingController(INTAKE_CONTEXT, INTAKE_SUBJECTS.ping)] })
export class IntakeModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(INTAKE_CONTEXT, () => true);
  }
}
