import type { SettlementCode } from '@kapocs/shared/kernel';
import type { ContactCorrectableFields } from '../events/contact-corrected.js';
import type { ContactSubjectRef } from '../events/contact-fields.js';
import type { FieldChanges } from '../events/intake-event.js';
import type { IntakeCommand } from './intake-command.js';

export interface LogContactData {
  readonly contactId: string;
  readonly site: SettlementCode;
  readonly date: string;
  readonly dutyWorkerId: string;
  readonly caseWorkerId?: string;
  readonly subject: ContactSubjectRef;
  /** The worker's new/returning mark; derived from the register when absent. */
  readonly newInYear?: boolean;
  readonly mode: string;
  readonly referrer?: string;
  readonly problemTypes: readonly string[];
  readonly crisis?: boolean;
  readonly caseHandling: readonly string[];
  readonly benefits?: readonly string[];
  readonly description?: string;
}
/** Kapcsolatfelvétel rögzítése a forgalmi naplóban. */
export type LogContact = IntakeCommand<'LogContact', LogContactData>;

export interface LogGroupSessionData {
  readonly contactId: string;
  readonly site: SettlementCode;
  readonly date: string;
  readonly dutyWorkerId: string;
  readonly caseWorkerId?: string;
  readonly groupType: string;
  readonly participantCount: number;
  readonly newParticipantCount?: number;
  readonly description?: string;
}
/** Csoportfoglalkozás vagy közösségi munka rögzítése. */
export type LogGroupSession = IntakeCommand<'LogGroupSession', LogGroupSessionData>;

export interface CorrectContactData {
  readonly contactId: string;
  readonly reason: string;
  readonly changes: FieldChanges<ContactCorrectableFields & { readonly description: string }>;
}
export type CorrectContact = IntakeCommand<'CorrectContact', CorrectContactData>;

export type VoidContact = IntakeCommand<'VoidContact', { readonly contactId: string; readonly reason: string }>;

export type ContactCommand = LogContact | LogGroupSession | CorrectContact | VoidContact;
