import { StatisticsModule } from '@kapocs/statistics/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ 'statistics': StatisticsModule });
