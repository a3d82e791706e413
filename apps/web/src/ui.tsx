import { type ReactNode, useId } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';
import { useReference } from './reference';

/** An API error with its Hungarian (or English) message and its stable code; announced by screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.body.code : undefined;
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {code && (
        <p className="code">
          {t.errorCode}: <code>{code}</code>
        </p>
      )}
    </div>
  );
}

interface FieldProps {
  readonly label: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A label bound to its control, with the required mark and an optional hint bound by aria-describedby. */
export function Field({ label, required, hint, children }: FieldProps) {
  const id = useId();
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="req"> ({t.required})</span>}
      </label>
      {children(id, hintId)}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

interface CodeSelectProps {
  readonly list: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly required?: boolean;
  readonly name?: string;
  readonly autoFocus?: boolean;
}

/** A code list as a select with the labels of the UI language (code in brackets, as on the paper forms). */
export function CodeSelect({ list, label, value, onChange, required, name, autoFocus }: CodeSelectProps) {
  const ref = useReference();
  const { t, lang } = useI18n();
  return (
    <Field label={label} required={required}>
      {(id) => (
        <select id={id} name={name ?? list} value={value} required={required} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.choose}</option>
          {ref.list(list).map((c) => (
            <option key={c.code} value={c.code}>
              {lang === 'hu' ? c.labelHu : c.labelEn} ({c.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Polite live region for results of async work (saved, n results). */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p className="status" role="status" aria-live="polite">
      {children}
    </p>
  );
}
