import { type CodeCatalogue, INTAKE_REFERENCE_CODES } from '@kapocs/intake/contracts';

/** What the deciders validate against; a catalogue loaded from reference data can replace the shipped one. */
export interface IntakeRules {
  readonly codes: CodeCatalogue;
}

export const DEFAULT_INTAKE_RULES: IntakeRules = { codes: INTAKE_REFERENCE_CODES };
