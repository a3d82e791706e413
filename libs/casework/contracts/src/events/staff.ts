import type { CaseworkEvent } from './casework-event.js';

export const STAFF_MEMBER_NAMED = 'casework.StaffMemberNamed';

export interface StaffMemberNamedData {
  readonly userId: string;
}
/**
 * A worker's name as the identity provider's token gave it (`name` claim), recorded by casework the first time the
 * worker acts and again when it changes: the esetnapló names the esetfelelős and the ellenőrző (1/2000. SzCsM r.
 * 7. melléklet) without a user directory. The name is personal data of the worker, encrypted under the worker's id.
 */
export type StaffMemberNamed = CaseworkEvent<typeof STAFF_MEMBER_NAMED, 1, StaffMemberNamedData, { readonly name: string }>;

/** Stream of one staff member's names (`staff-<userId>`). */
export const staffStreamId = (userId: string): string => `staff-${userId}`;
