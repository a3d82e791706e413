import type { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * Jest's API, taken from the globals Jest installs rather than by a value import of '@jest/globals': that module
 * throws when loaded outside Jest, and this helper is exported from the lib's barrel, which production code loads.
 */
export interface JestApi {
  readonly describe: typeof describe;
  readonly it: typeof it;
  readonly expect: typeof expect;
  readonly beforeAll: typeof beforeAll;
  readonly afterAll: typeof afterAll;
}

export const jestApi = (): JestApi => globalThis as unknown as JestApi;
