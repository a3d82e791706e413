import type { CommandMeta } from '@kapocs/shared/kernel';

/**
 * A command as the intake handlers receive it: the payload from the gateway, the meta (time, actor, district,
 * correlation) stamped by the intake service from the verified request, and the version the caller's change was based
 * on (`If-Match`), when it sent one.
 */
export interface IntakeCommand<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly meta: CommandMeta;
  /** Stream version as a decimal string; a mismatch fails with WRONG_EXPECTED_VERSION before anything is decided. */
  readonly expectedVersion?: string;
}
