/**
 * Request-reply subjects of the access-conformance fixtures. No production service answers them (they reply 503);
 * the role-matrix test runs a tiny responder.
 */
export const CONFORMANCE_SUBJECTS = {
  readSubject: 'conformance.query.sample-subject',
  addNote: 'conformance.cmd.add-sample-note',
  updateSubject: 'conformance.cmd.update-sample-subject',
} as const;

export interface SampleSubjectRef {
  readonly district: string;
  readonly settlement: string;
  readonly id: string;
}
export interface SampleSubjectView extends SampleSubjectRef {
  readonly version: string;
  readonly label: string;
}
export interface AddSampleNote extends Omit<SampleSubjectRef, 'id'> {
  readonly subjectId: string;
  readonly text: string;
}
export interface UpdateSampleSubject extends SampleSubjectRef {
  readonly expectedVersion: string;
  readonly label: string;
}
