import type { CaseworkDictionary } from './dictionary';
import { useCasework } from './dictionary';
import type { CaseLogEntry, OverdueItem } from './model';

/** Entries of the esetnapló as the case page shows them, in sections and on the timeline. */
export const str = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));

/** What an entry says, as label/value pairs (the same lines in the sections and on the timeline). */
function entryLines(e: CaseLogEntry, c: CaseworkDictionary): [string, string][] {
  const d = e.data;
  const lines: [string, string][] = [];
  const add = (label: string, v: unknown) => {
    const s = str(v);
    if (s !== '') lines.push([label, s]);
  };
  add(c.problemTypes, d['problemTypes']);
  if (d['term']) add(c.term, d['term'] === 'long' ? c.long : c.short);
  add(c.deadline, d['deadline']);
  if (e.type === 'casework.GoalSet') add(c.goalResponsible, d['responsible']);
  if (typeof d['achieved'] === 'boolean') add(c.achieved, d['achieved'] ? c.yes : c.no);
  add(c.newDeadline, d['newDeadline']);
  add(c.expectedCompletion, d['expectedCompletion']);
  if (d['signature']) add(c.signature, d['signature'] === 'tablet' ? c.signatureTablet : c.signaturePaper);
  add(c.documentId, d['documentId']);
  add(c.measureKind, d['kind']);
  add(c.contactId, d['contactId']);
  add(c.nextMeetingOn, d['nextMeetingOn']);
  add(c.toWorker, d['toWorkerName'] ?? d['toWorkerId']);
  add(c.checker, d['checkerName'] ?? d['checkerId']);
  if (d['integrationProgramme'] === true) add(c.integrationProgramme, c.yes);
  if (d['recipient']) add(c.recipient, d['recipient'] === 'jegyzo' ? c.recipientJegyzo : c.recipientLabour);
  const labels: Record<string, string> = {
    presented: c.presented,
    workerDefinition: c.workerDefinition,
    agreed: c.agreed,
    goal: c.goal,
    means: c.means,
    why: c.why,
    workerUndertakings: c.workerUndertakings,
    clientUndertakings: c.clientUndertakings,
    description: c.description,
    summary: c.summary,
    remarks: c.remarks,
    reason: c.reason,
    notes: c.notes,
    evaluation: c.yearlyEvaluation,
    facts: c.facts,
  };
  for (const [k, v] of Object.entries(e.texts ?? {})) add(labels[k] ?? k, v);
  return lines;
}

export function Lines({ entry }: { entry: CaseLogEntry }) {
  const c = useCasework();
  const lines = entryLines(entry, c);
  if (lines.length === 0) return null;
  return (
    <dl className="entry-lines">
      {lines.map(([k, v], i) => (
        <div key={`${k}-${i}`}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EntryList({ entries, empty }: { entries: readonly CaseLogEntry[]; empty: string }) {
  const c = useCasework();
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="entries">
      {entries.map((e) => (
        <li key={e.seq}>
          <p className="entry-head">
            <strong>{e.date}</strong> · {c.entryTypes[e.type] ?? e.type} · {c.by} {e.actorName ?? e.actorId}
          </p>
          <Lines entry={e} />
        </li>
      ))}
    </ul>
  );
}

export interface GoalView {
  readonly set: CaseLogEntry;
  readonly evaluations: readonly CaseLogEntry[];
  readonly status: 'open' | 'achieved' | 'dropped';
  readonly deadline: string;
}

export function goalsOf(entries: readonly CaseLogEntry[]): GoalView[] {
  return entries
    .filter((e) => e.type === 'casework.GoalSet')
    .map((set) => {
      const evaluations = entries.filter((e) => e.type === 'casework.GoalEvaluated' && e.data['goalId'] === set.data['goalId']);
      let status: GoalView['status'] = 'open';
      let deadline = str(set.data['deadline']);
      for (const ev of evaluations) {
        if (ev.data['achieved'] === true) status = 'achieved';
        else if (typeof ev.data['newDeadline'] === 'string') {
          status = 'open';
          deadline = ev.data['newDeadline'];
        } else status = 'dropped';
      }
      return { set, evaluations, status, deadline };
    });
}

export function OverdueList({ items }: { items: readonly OverdueItem[] }) {
  const c = useCasework();
  if (items.length === 0) return null;
  return (
    <div className="warning" role="note">
      <h2>{c.overdue}</h2>
      <ul>
        {items.map((o, i) => (
          <li key={`${o.kind}-${o.itemId ?? i}`}>
            {c.overdueKinds[o.kind] ?? o.kind}: {c.dueOn} {o.dueOn}
            {o.escalated ? ` (${c.escalated})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

