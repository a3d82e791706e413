import { ServiceMapModule } from '@kapocs/service-map/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ 'service-map': ServiceMapModule });
