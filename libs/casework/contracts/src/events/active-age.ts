import type { CaseRef, CaseworkEvent } from './casework-event.js';

export const PERSONAL_MEETING_HELD = 'casework.PersonalMeetingHeld';
export const YEARLY_EVALUATION_WRITTEN = 'casework.YearlyEvaluationWritten';
export const COOPERATION_BREACH_NOTIFIED = 'casework.CooperationBreachNotified';

export interface PersonalMeetingHeldData extends CaseRef {
  readonly heldOn: string;
}
/** 63/2006. Korm. r. 17. § (12) d): the personal meeting at least every three months checking the programme. */
export type PersonalMeetingHeld = CaseworkEvent<typeof PERSONAL_MEETING_HELD, 1, PersonalMeetingHeldData, { readonly notes: string }>;

export interface YearlyEvaluationWrittenData extends CaseRef {
  readonly writtenOn: string;
}
/** 17. § (12) e), (13) b): the written evaluation at least yearly, sent to the jegyző. */
export type YearlyEvaluationWritten = CaseworkEvent<
  typeof YEARLY_EVALUATION_WRITTEN,
  1,
  YearlyEvaluationWrittenData,
  { readonly evaluation: string }
>;

export type BreachRecipient = 'jegyzo' | 'labour_centre';
export interface CooperationBreachNotifiedData extends CaseRef {
  readonly notifiedOn: string;
  readonly recipient: BreachRecipient;
}
/** 17. § (13) a): notice to the jegyző (or the labour centre) that the recipient broke the cooperation duty. */
export type CooperationBreachNotified = CaseworkEvent<
  typeof COOPERATION_BREACH_NOTIFIED,
  1,
  CooperationBreachNotifiedData,
  { readonly facts: string }
>;
