import { projectorTarget } from '@kapocs/projector/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ projector: projectorTarget });
