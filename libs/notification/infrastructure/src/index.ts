export { NotificationModule, NOTIFICATION_SCHEMA } from './notification.module.js';
export { notificationTarget } from './notification.target.js';
