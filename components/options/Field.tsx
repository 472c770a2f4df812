import type { ReactNode } from 'react';

type FieldProps = {
  /** The id of the input the label points at. */
  inputId: string;
  label: string;
  hint?: string;
  error?: string;
  /** Long inputs (text areas, day pickers) take the full width under their label. */
  wide?: boolean;
  children: ReactNode;
};

/** A labelled row: label (and hint) on the left, the control on the right, its error under both. */
export function Field({ inputId, label, hint, error, wide, children }: FieldProps) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <div className="field-label">
        <label htmlFor={inputId}>{label}</label>
        {hint ? (
          <p className="field-hint" id={`${inputId}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
      <div className="field-control">{children}</div>
      {error ? (
        <p className="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby of a control: its hint and its error, when present. */
export function describedBy(inputId: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
