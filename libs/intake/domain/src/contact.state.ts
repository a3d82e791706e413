import type { ContactCorrectableFields, ContactEvent } from '@kapocs/intake/contracts';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { applyChanges } from './client-details.rules.js';

/** A forgalmi napló entry as commands see it. `subjectId` keys its personal data (client id, or its own id). */
export interface LoggedContact {
  readonly status: 'logged' | 'voided';
  readonly kind: 'individual' | 'group';
  readonly contactId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly year: number;
  readonly subjectId: string;
  readonly fields: Partial<ContactCorrectableFields>;
  /** Undefined when none was written or the subject was shredded. */
  readonly description?: string;
  readonly corrections: number;
}

export type ContactState = { readonly status: 'none' } | LoggedContact;

export const initialContactState = (): ContactState => ({ status: 'none' });

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'intake.ContactLogged': {
      const { contactId, district, site, year, subject, newInYearSource: _, ...fields } = event.data;
      const subjectId = subject.kind === 'client' ? subject.clientId : contactId;
      const description = event.personal?.[subjectId]?.description;
      const base = { status: 'logged', kind: 'individual', contactId, district, site, year, subjectId, fields } as const;
      return { ...base, ...(description !== undefined ? { description } : {}), corrections: 0 };
    }
    case 'intake.GroupSessionLogged': {
      const { contactId, district, site, year, ...fields } = event.data;
      const description = event.personal?.[contactId]?.description;
      const base = { status: 'logged', kind: 'group', contactId, district, site, year, subjectId: contactId, fields } as const;
      return { ...base, ...(description !== undefined ? { description } : {}), corrections: 0 };
    }
    case 'intake.ContactCorrected': {
      if (state.status === 'none') return state;
      const change = event.personal?.[state.subjectId]?.description;
      const { description: _, ...rest } = state;
      const description = change ? (change.after ?? undefined) : state.description;
      return {
        ...rest,
        fields: applyChanges(state.fields, event.data.after),
        ...(description !== undefined ? { description } : {}),
        corrections: state.corrections + 1,
      };
    }
    case 'intake.ContactVoided':
      return state.status === 'none' ? state : { ...state, status: 'voided' };
    default:
      return state;
  }
}
