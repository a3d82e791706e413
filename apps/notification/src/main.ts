import { NotificationModule } from '@kapocs/notification/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ 'notification': NotificationModule });
