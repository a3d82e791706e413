import { caseworkFeature } from './casework/index';
import { intakeFeature } from './intake/index';
import type { Feature } from './feature';
import { signalsFeature } from './signals/index';

export type { Feature, NavItem } from './feature';

/** Order matters only for overlapping paths: the first feature that knows a path renders it. */
export const FEATURES: readonly Feature[] = [caseworkFeature, signalsFeature, intakeFeature];
