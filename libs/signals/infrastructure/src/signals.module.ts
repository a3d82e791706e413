import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SIGNALS_CONTEXT, SIGNALS_SUBJECTS } from '@kapocs/signals/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The signals service: one module, started alone (`apps/signals`) or under `all`. */
@Module({ controllers: [pingController(SIGNALS_CONTEXT, SIGNALS_SUBJECTS.ping)] })
export class SignalsModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(SIGNALS_CONTEXT, () => true);
  }
}
