import type { Checkpoint } from './event-store.port.js';

// xid8 and bigint positions both fit in 20 decimal digits, so zero-padding makes string order equal to numeric order.
const WIDTH = 20;
const FORMAT = /^(\d{20})-(\d{20})$/;

/** (transaction id, global position) as an opaque checkpoint; string order is global order. */
export const encodeCheckpoint = (txId: bigint, position: bigint): Checkpoint => {
  if (txId < 0n || position < 0n) throw new RangeError('Checkpoint parts must be non-negative');
  return `${txId.toString().padStart(WIDTH, '0')}-${position.toString().padStart(WIDTH, '0')}` as Checkpoint;
};

/** Before every event: the default `after` of `readAll`. */
export const START: Checkpoint = encodeCheckpoint(0n, 0n);

export const isCheckpoint = (value: unknown): value is Checkpoint => typeof value === 'string' && FORMAT.test(value);

/** Only adapters should look inside a checkpoint. */
export const decodeCheckpoint = (checkpoint: Checkpoint): { txId: bigint; position: bigint } => {
  const m = FORMAT.exec(checkpoint);
  if (!m) throw new TypeError(`Not a checkpoint: ${String(checkpoint).slice(0, 60)}`);
  return { txId: BigInt(m[1] as string), position: BigInt(m[2] as string) };
};

/** Negative, zero or positive, like a sort comparator. */
export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number => {
  if (!isCheckpoint(a) || !isCheckpoint(b)) throw new TypeError('compareCheckpoints needs two checkpoints');
  return a < b ? -1 : a > b ? 1 : 0;
};

export const maxCheckpoint = (a: Checkpoint, b: Checkpoint): Checkpoint => (compareCheckpoints(a, b) >= 0 ? a : b);
