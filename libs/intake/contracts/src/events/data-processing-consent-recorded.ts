import type { IntakeEvent } from './intake-event.js';

export const DATA_PROCESSING_CONSENT_RECORDED = 'intake.DataProcessingConsentRecorded';

/** The three purposes of the OCsM model declaration, each given (true) or refused (false). */
export interface ConsentPurposes {
  /** The provider keeps a register of the personal data. */
  readonly register: boolean;
  /** The provider supplies data from it on official request. */
  readonly disclosureOnRequest: boolean;
  /** The provider handles special (sensitive) data learnt during the cooperation. */
  readonly specialData: boolean;
}

/** How consent was given (legal-forms.md §5.1: written is recommended, oral and implied are lawful). */
export type ConsentForm = 'written' | 'oral' | 'implied';

export interface DataProcessingConsentRecordedData {
  readonly clientId: string;
  readonly declaredOn: string;
  readonly form: ConsentForm;
  readonly purposes: ConsentPurposes;
  /** The worker who recorded it (user id). */
  readonly recordedBy: string;
}

/** Nyilatkozat adatkezelésről — the client's data-processing declaration; a later one supersedes an earlier one. */
export type DataProcessingConsentRecorded = IntakeEvent<
  typeof DATA_PROCESSING_CONSENT_RECORDED,
  1,
  DataProcessingConsentRecordedData
>;
