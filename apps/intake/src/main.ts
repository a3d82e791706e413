import { intakeTarget } from '@kapocs/intake/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ intake: intakeTarget });
