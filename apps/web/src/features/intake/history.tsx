import { useI18n } from '../../i18n';
import { useIntakeForms } from './dictionary';

/** One correction as the read models keep it: the changed fields before and after, and why. */
export interface Correction {
  readonly correctedOn: string;
  readonly reason: string | null;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

/** Field names of the API whose label has another key in the main dictionary. */
const ALIASES: Record<string, string> = { dutyWorkerId: 'dutyWorker', caseWorkerId: 'caseWorker' };

/** The label of a corrected field in the UI language (the API name when unknown). */
export function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  const f = useIntakeForms();
  return (field) => {
    const key = ALIASES[field] ?? field;
    const label = (f as Record<string, unknown>)[key] ?? (t as Record<string, unknown>)[key];
    return typeof label === 'string' ? label : field;
  };
}

function useShow(): (v: unknown) => string {
  const { t } = useI18n();
  const f = useIntakeForms();
  return (v) => {
    if (v === null || v === undefined || v === '') return f.empty;
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if (Array.isArray(v)) return v.length ? v.join(', ') : f.empty;
    return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number);
  };
}

/** A list of corrections (and a void) with their reasons, newest last: the history kept by the event store. */
export function History({ corrections, voidReason, voided }: { corrections: readonly Correction[]; voided?: boolean; voidReason?: string | null }) {
  const f = useIntakeForms();
  const label = useFieldLabel();
  const show = useShow();
  if (corrections.length === 0 && !voided) return null;
  return (
    <ul className="history">
      {corrections.map((c, i) => (
        <li key={i}>
          <strong>{f.correctedOn(c.correctedOn)}</strong>
          {c.reason && (
            <>
              {' '}
              ({f.reasonLabel}: <q>{c.reason}</q>)
            </>
          )}
          :{' '}
          {Object.keys(c.after)
            .map((k) => `${label(k)}: ${show(c.before[k])} → ${show(c.after[k])}`)
            .join('; ')}
        </li>
      ))}
      {voided && (
        <li>
          <strong>{f.voidedWith}</strong>
          {voidReason && (
            <>
              {' '}
              ({f.reasonLabel}: <q>{voidReason}</q>)
            </>
          )}
        </li>
      )}
    </ul>
  );
}
