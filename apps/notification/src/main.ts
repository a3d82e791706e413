import { notificationTarget } from '@kapocs/notification/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ notification: notificationTarget });
