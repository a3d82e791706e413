import { gatewayTarget } from '@kapocs/gateway/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ gateway: gatewayTarget });
