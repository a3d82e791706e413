import type { Feature } from '../feature';

/** Casework: cases, the esetnapló, caseload and the head's overview (pages to come). */
export const caseworkFeature: Feature = {
  id: 'casework',
  route: () => undefined,
  nav: () => [],
};
