/** Prints one `name=value` line per figure, the interface `npm run bench:eventstore` promises. */
export function figure(name: string, value: number | string, digits = 0): void {
  const text = typeof value === 'string' ? value : Number.isFinite(value) ? value.toFixed(digits) : 'NaN';
  process.stdout.write(`${name}=${text}\n`);
}

/** Progress and notes go to stderr so stdout stays machine-readable. */
export function note(message: string): void {
  process.stderr.write(`# ${message}\n`);
}
