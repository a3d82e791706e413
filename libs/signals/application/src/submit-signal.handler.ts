import {
  type AttachmentFacts,
  type AttachmentSummary,
  type SignallingMember,
  type SignalPersonal,
  signalStreamId,
  type SubmitSignal,
  type SubmitSignalData,
  SIGNALS_ERRORS,
} from '@kapocs/signals/contracts';
import { createSignalDecider, SignalsError, type SignalState } from '@kapocs/signals/domain';
import { isRedacted } from '@kapocs/platform/event-store';
import { loadMember, loadSignal, toNewEvents } from './signal-stream.js';
import { newIdOf, newReferenceOf, requireSettlementsInDistrict, type SignalsDeps, type StreamResult } from './signals-deps.js';

export interface SubmitResult extends StreamResult {
  readonly signalId: string;
  readonly reference: string;
  readonly critical: boolean;
  readonly attachments: readonly AttachmentSummary[];
}

/** Type and size from the event's data, the file name from the signal's personal data (absent once shredded). */
export function attachmentSummaries(facts: readonly AttachmentFacts[] | undefined, personal: SignalPersonal | undefined): AttachmentSummary[] {
  const names = new Map((personal?.attachments ?? []).map((a) => [a.attachmentId, a.fileName]));
  return (facts ?? []).map((f) => ({ attachmentId: f.attachmentId, fileName: names.get(f.attachmentId) ?? '', mediaType: f.mediaType, size: f.size }));
}

/** The part of a submission a retry repeats: same sender, same coded facts. */
function sameSubmission(state: SignalState, d: Omit<SubmitSignalData, 'reference'>, sameSender: boolean): boolean {
  if (state.status === 'none' || !sameSender) return false;
  const s = state.submission;
  return (
    s.organisationId === d.organisationId &&
    s.settlement === d.settlement &&
    s.subjectKind === d.subjectKind &&
    s.urgency === d.urgency &&
    JSON.stringify(s.categories) === JSON.stringify(d.categories)
  );
}

async function memberOf(deps: SignalsDeps, organisationId: string | undefined): Promise<SignallingMember | undefined> {
  if (organisationId === undefined) return undefined;
  // The member's state is coded data only: no key lookup or decryption of its contact person.
  const { state } = await loadMember(deps.store, organisationId, { personal: 'omit' });
  return state.status === 'registered' ? { organisationId, district: state.district, category: state.category, portalUserIds: state.portalUserIds } : undefined;
}

/**
 * Jelzés: the command's signal id makes it idempotent — a retry (double click, lost reply) of the same submission
 * answers the first receipt, even when the two race; the same id with other content is refused.
 */
export async function submitSignal(deps: SignalsDeps, command: Omit<SubmitSignal, 'member' | 'data'> & { data: Omit<SubmitSignalData, 'reference'> }): Promise<SubmitResult> {
  const signalId = command.data.signalId;
  const existing = async (): Promise<SubmitResult | undefined> => {
    const { state, version } = await loadSignal(deps.store, signalId);
    if (state.status === 'none') return undefined;
    let sender: string | undefined;
    let personal: SignalPersonal | undefined;
    for await (const first of deps.store.readStream(signalStreamId(signalId), { maxCount: 1 })) {
      sender = first.metadata.actor.userId;
      const own = first.personal[signalId];
      personal = own === undefined || isRedacted(own) ? undefined : (own as unknown as SignalPersonal);
    }
    if (!sameSubmission(state, command.data, sender === command.meta.actor.userId)) {
      throw new SignalsError(SIGNALS_ERRORS.SIGNAL_ID_CONFLICT, { signalId }, 'signal id taken');
    }
    const s = state.submission;
    return {
      signalId,
      reference: s.reference,
      critical: s.critical,
      attachments: attachmentSummaries(s.attachments, personal),
      version: String(version),
      checkpoint: await deps.store.headCheckpoint(),
    };
  };
  // A new id is the common case: append expecting no stream, and only on a refusal (an id taken, or invalid content)
  // read the stream — a retry answers the first receipt, as when the check came first (one stream read less).
  try {
    requireSettlementsInDistrict(deps, 'settlement', [command.data.settlement], command.meta.district);
    const member = await memberOf(deps, command.data.organisationId);
    const data: SubmitSignalData = { ...command.data, reference: newReferenceOf(deps)() };
    const events = createSignalDecider(deps.codes).decide({ ...command, data, ...(member ? { member } : {}) }, { status: 'none' });
    const result = await deps.store.append(signalStreamId(signalId), 'no_stream', toNewEvents(events, command.meta, newIdOf(deps), data.settlement));
    return {
      signalId,
      reference: data.reference,
      critical: data.urgency === 'immediate',
      attachments: attachmentSummaries(data.attachments, data.personal),
      version: String(result.nextExpectedVersion),
      checkpoint: result.checkpoint,
    };
  } catch (error) {
    const before = await existing();
    if (before) return before;
    throw error;
  }
}
