/** NATS subject matching: `*` matches exactly one token, a final `>` matches one or more tokens. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    const token = f[i];
    if (token === '>') return i === f.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (token !== '*' && token !== s[i]) return false;
  }
  return f.length === s.length;
}

/** Rejects subjects NATS would reject, so the in-process bus fails where JetStream would. */
export function assertValidSubject(subject: string, allowWildcards: boolean): void {
  const tokens = subject.split('.');
  const bad = tokens.some(
    (t, i) =>
      t.length === 0 ||
      /\s/.test(t) ||
      (!allowWildcards && (t === '*' || t === '>')) ||
      (t === '>' && i !== tokens.length - 1) ||
      (t.length > 1 && /[*>]/.test(t)),
  );
  if (bad) throw new Error(`Invalid subject: ${subject}`);
}
