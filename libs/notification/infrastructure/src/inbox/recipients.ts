import type { Actor } from '@kapocs/shared/kernel';

/**
 * Who a notification is addressed to: a staff user, a member organisation (its portal users share one inbox), or the
 * heads of a district (escalations: the platform knows roles from tokens, not a list of heads).
 */
export const userRecipient = (userId: string): string => `user:${userId}`;
export const organisationRecipient = (organisationId: string): string => `org:${organisationId}`;
export const headsRecipient = (district: string): string => `role:head:${district}`;

/** Every address the caller reads: its own, its organisation's, its district's heads'. */
export function recipientsOf(actor: Actor): string[] {
  const own = [userRecipient(actor.userId)];
  if (actor.role === 'signal_member' && actor.organisation) own.push(organisationRecipient(actor.organisation));
  if (actor.role === 'head') own.push(headsRecipient(actor.district));
  return own;
}

export const organisationOf = (recipient: string): string | undefined => (recipient.startsWith('org:') ? recipient.slice(4) : undefined);
