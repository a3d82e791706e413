import { MEMBER_REGISTERED, type MemberPersonal, memberStreamId } from '@kapocs/signals/contracts';
import { type EventStore, isRedacted } from '@kapocs/platform/event-store';

/**
 * The contact e-mail of a member organisation, read at send time from the member's own stream with the store's
 * per-subject crypto (ADR-0010): never copied into the outbox, so erasing the organisation's key (crypto-shredding)
 * stops its e-mails too. Undefined when there is none or it was shredded.
 */
export async function memberAddress(store: EventStore, organisationId: string): Promise<string | undefined> {
  let email: string | undefined;
  // The registration is the stream's first event (the member decider registers only a new organisation): the portal
  // users invited after it are neither read nor decrypted.
  for await (const e of store.readStream(memberStreamId(organisationId), { maxCount: 1 })) {
    if (e.type !== MEMBER_REGISTERED) continue;
    const personal = e.personal[organisationId];
    if (!personal || isRedacted(personal)) return undefined;
    email = (personal as unknown as MemberPersonal).contactPerson.email ?? undefined;
  }
  return email;
}
