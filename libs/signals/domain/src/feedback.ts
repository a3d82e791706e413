import type { FeedbackStatus } from '@kapocs/signals/contracts';

/**
 * Visszajelzés: the status a signaller may see — received, being handled, measures taken, closed — and nothing of
 * the family. Derived from the handling facts only, so a new kind of measure cannot leak its content.
 */
export function feedbackStatusOf(s: { readonly closed: boolean; readonly measures: number; readonly assigned: boolean; readonly linked: boolean }): FeedbackStatus {
  if (s.closed) return 'closed';
  if (s.measures > 0) return 'measures_taken';
  if (s.assigned || s.linked) return 'being_handled';
  return 'received';
}
