import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { NOTIFICATION_CONTEXT, NOTIFICATION_SUBJECTS } from '@kapocs/notification/contracts';
import { pingController, READINESS, type ReadinessRegistry } from '@kapocs/platform/runtime';

/** The notification service: one module, started alone (`apps/notification`) or under `all`. */
@Module({ controllers: [pingController(NOTIFICATION_CONTEXT, NOTIFICATION_SUBJECTS.ping)] })
export class NotificationModule implements OnModuleInit {
  constructor(@Inject(READINESS) private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register(NOTIFICATION_CONTEXT, () => true);
  }
}
