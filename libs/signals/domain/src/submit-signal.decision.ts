import {
  SIGNAL_SUBMITTED,
  SIGNALS_ERRORS,
  type SignalCodeCatalogue,
  type SignalEvent,
  type SubmitSignal,
  SUBJECT_KINDS,
  URGENCIES,
} from '@kapocs/signals/contracts';
import { localDateOf } from './dates.js';
import type { SignalState } from './signal.state.js';
import { SignalsError } from './signals-error.js';
import { requireCode, requireOneOf, requirePastDate, requireTaj, requireText } from './validation.js';

/**
 * Jelzés: validated against the code lists of the day; a portal signal needs a registered member whose portal user
 * the actor is. Submitting an existing id is the handler's concern (an idempotent retry), never decided here.
 */
export function decideSubmit(command: SubmitSignal, state: SignalState, codes: SignalCodeCatalogue): SignalEvent[] {
  const d = command.data;
  const today = localDateOf(command.meta.now);
  if (state.status !== 'none') throw new SignalsError(SIGNALS_ERRORS.SIGNAL_ID_CONFLICT, { signalId: d.signalId }, 'signal id taken');
  const member = command.member;
  if (d.source === 'public' && d.organisationId !== undefined) {
    throw new SignalsError(SIGNALS_ERRORS.INVALID_FIELD, { field: 'organisationId', reason: 'not_allowed' }, 'the public form has no organisation');
  }
  if (d.organisationId !== undefined) {
    if (!member || member.organisationId !== d.organisationId || member.district !== command.meta.district) {
      throw new SignalsError(SIGNALS_ERRORS.MEMBER_NOT_FOUND, { organisationId: d.organisationId }, 'no such member');
    }
    if (d.source === 'portal' && !member.portalUserIds.includes(command.meta.actor.userId)) {
      throw new SignalsError(SIGNALS_ERRORS.NOT_A_PORTAL_USER, { organisationId: d.organisationId }, 'not a portal user');
    }
  } else if (d.source === 'portal') {
    throw new SignalsError(SIGNALS_ERRORS.MISSING_FIELD, { field: 'organisationId' }, 'portal signals come from a member');
  }
  const subjectKind = requireOneOf('subjectKind', d.subjectKind, SUBJECT_KINDS);
  if (!Array.isArray(d.categories) || d.categories.length === 0) {
    throw new SignalsError(SIGNALS_ERRORS.MISSING_CATEGORY, { field: 'categories' }, 'at least one category');
  }
  const categories = d.categories.map((c, i) => requireCode(codes, 'endangerment', `categories[${i}]`, c, today));
  const channel = requireCode(codes, 'channel', 'channel', d.channel, today);
  const urgency = requireOneOf('urgency', d.urgency, URGENCIES);
  const observedSince = d.observedSince === undefined ? undefined : requirePastDate('observedSince', d.observedSince, today);
  requireText('observed', d.personal?.observed);
  const taj = d.personal.subject?.taj === undefined ? undefined : requireTaj('subject.taj', d.personal.subject.taj);
  const personal = taj === undefined ? d.personal : { ...d.personal, subject: { ...d.personal.subject, taj } };
  const memberCategory = member ? member.category : d.source === 'public' ? 'CITIZEN' : undefined;
  return [
    {
      type: SIGNAL_SUBMITTED,
      schemaVersion: 1,
      data: {
        signalId: d.signalId,
        reference: d.reference,
        district: command.meta.district,
        settlement: d.settlement,
        source: d.source,
        channel,
        ...(d.organisationId !== undefined ? { organisationId: d.organisationId } : {}),
        ...(memberCategory ? { memberCategory } : {}),
        subjectKind,
        categories,
        ...(observedSince ? { observedSince } : {}),
        urgency,
        critical: urgency === 'immediate',
        submittedAt: command.meta.now,
        ...(d.attachments && d.attachments.length > 0 ? { attachments: d.attachments } : {}),
      },
      personal: { [d.signalId]: personal },
    },
  ];
}
