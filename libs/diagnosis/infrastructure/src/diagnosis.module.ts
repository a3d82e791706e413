import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DIAGNOSIS_CONTEXT, DIAGNOSIS_SUBJECTS } from '@kapocs/diagnosis/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The diagnosis service: one module, started alone (`apps/diagnosis`) or under `all`. */
@Module({ controllers: [pingController(DIAGNOSIS_CONTEXT, DIAGNOSIS_SUBJECTS.ping)] })
export class DiagnosisModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(DIAGNOSIS_CONTEXT, () => true);
  }
}
