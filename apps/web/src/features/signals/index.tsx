import type { Feature } from '../feature';

/** Signal system: the member portal, the public form and the staff queue (pages to come). */
export const signalsFeature: Feature = {
  id: 'signals',
  route: () => undefined,
  nav: () => [],
};
