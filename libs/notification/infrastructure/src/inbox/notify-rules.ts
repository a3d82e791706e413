import type { FeedbackStatus, MatchAlert } from '@kapocs/signals/contracts';
import type { NotificationKind } from '@kapocs/notification/contracts';
import { organisationRecipient, userRecipient } from './recipients.js';

/** The signal as the notification service keeps it: codes and ids, nothing of the family. */
export interface SignalFacts {
  readonly signalId: string;
  readonly district: string;
  readonly reference: string;
  readonly organisationId: string | null;
  readonly status: FeedbackStatus;
  readonly assignedTo: string | null;
}

/** Parameters of the templates: reference, status and kind codes only (ADR-0010: no personal data). */
export interface NotificationParams {
  readonly reference: string;
  readonly status?: FeedbackStatus;
  readonly matchKind?: MatchAlert['kind'];
}

export interface Intent {
  readonly kind: NotificationKind;
  readonly recipient: string;
  readonly signalId: string;
  readonly district: string;
  readonly params: NotificationParams;
  /** The in-app notification always; an e-mail when the recipient has an address (member organisations). */
  readonly email: boolean;
}

const RANK: Readonly<Record<FeedbackStatus, number>> = { received: 0, being_handled: 1, measures_taken: 2, closed: 3 };

/**
 * Visszajelzés: the status the signaller may see only moves forward (received → being handled → measures taken →
 * closed), as `feedbackStatusOf` of the signals domain derives it.
 */
export const advance = (from: FeedbackStatus, to: FeedbackStatus): FeedbackStatus => (RANK[to] > RANK[from] ? to : from);

/** The signaller organisation hears of every status change of its own signal: reference and status only. */
export function statusChanged(s: SignalFacts, before: FeedbackStatus | undefined): Intent[] {
  if (!s.organisationId || before === s.status) return [];
  return [{ kind: 'signal_status', recipient: organisationRecipient(s.organisationId), signalId: s.signalId, district: s.district, params: { reference: s.reference, status: s.status }, email: true }];
}

export function assigned(s: SignalFacts, workerId: string): Intent[] {
  return [{ kind: 'signal_assigned', recipient: userRecipient(workerId), signalId: s.signalId, district: s.district, params: { reference: s.reference }, email: false }];
}
