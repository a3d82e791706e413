import { signalsTarget } from '@kapocs/signals/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ signals: signalsTarget });
