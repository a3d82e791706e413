import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { ContactPersonal, GroupSessionFields } from './contact-fields.js';
import type { IntakeEvent } from './intake-event.js';

export const GROUP_SESSION_LOGGED = 'intake.GroupSessionLogged';

export interface GroupSessionLoggedData extends GroupSessionFields {
  readonly contactId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly year: number;
}

/**
 * Csoportfoglalkozás / közösségi munka — a group session or community work entered in the forgalmi napló with its
 * participant count. `personal` is keyed by the entry's own id.
 */
export type GroupSessionLogged = IntakeEvent<typeof GROUP_SESSION_LOGGED, 1, GroupSessionLoggedData, ContactPersonal>;
