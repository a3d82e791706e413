import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SERVICE_MAP_CONTEXT, SERVICE_MAP_SUBJECTS } from '@kapocs/service-map/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The service-map service: one module, started alone (`apps/service-map`) or under `all`. */
@Module({ controllers: [pingController(SERVICE_MAP_CONTEXT, SERVICE_MAP_SUBJECTS.ping)] })
export class ServiceMapModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(SERVICE_MAP_CONTEXT, () => true);
  }
}
