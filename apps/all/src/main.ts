import { runMain } from '@kapocs/platform/runtime';
import { ALL_TARGETS } from './all-targets.js';

// bootstrap selects by TARGETS: `all` by default, or a comma list such as `casework,signals`.
runMain(ALL_TARGETS);
