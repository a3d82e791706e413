import { caseworkTarget } from '@kapocs/casework/infrastructure';
import { DiagnosisModule } from '@kapocs/diagnosis/infrastructure';
import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import { intakeTarget } from '@kapocs/intake/infrastructure';
import { notificationTarget } from '@kapocs/notification/infrastructure';
import { projectorTarget } from '@kapocs/projector/infrastructure';
import type { TargetMap } from '@kapocs/platform/runtime';
import { ServiceMapModule } from '@kapocs/service-map/infrastructure';
import { signalsTarget } from '@kapocs/signals/infrastructure';
import { StatisticsModule } from '@kapocs/statistics/infrastructure';

/** Every service module of the codebase; bootstrap() starts those selected by TARGETS. */
export const ALL_TARGETS: TargetMap = {
  gateway: gatewayTarget,
  intake: intakeTarget,
  casework: caseworkTarget,
  signals: signalsTarget,
  diagnosis: DiagnosisModule,
  'service-map': ServiceMapModule,
  statistics: StatisticsModule,
  notification: notificationTarget,
  projector: projectorTarget,
};
