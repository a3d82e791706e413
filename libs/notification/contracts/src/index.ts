export { NOTIFICATION_CONTEXT, NOTIFICATION_SUBJECTS } from './subjects.js';
export {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Language,
  type ListNotificationsQuery,
  type NotificationItem,
  type NotificationList,
  type MarkReadCommand,
  type MarkedRead,
  type MarkedAllRead,
  type DeadLetterStatus,
  type DeadLettersQuery,
  type DeadLetter,
  type DeadLetters,
  type RetryDeadLetterCommand,
  type RetryQueued,
} from './notifications.js';
