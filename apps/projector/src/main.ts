import { ProjectorModule } from '@kapocs/projector/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ 'projector': ProjectorModule });
