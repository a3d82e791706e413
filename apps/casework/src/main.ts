import { caseworkTarget } from '@kapocs/casework/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ casework: caseworkTarget });
