import { useState } from 'react';
import type { UiText } from '../../lib/i18n';
import { CRITERION_SECTIONS, inputId, type FieldError, type FieldId } from './form-model';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'reset' | 'failed';

type SaveBarProps = {
  status: SaveStatus;
  /** Some field differs from the stored value. */
  dirty: boolean;
  errors: readonly FieldError[];
  text: UiText;
  onReset: () => void;
};

/**
 * The bottom of the form, kept in view: the summary of refused fields (each a link to its
 * field), Save with its feedback, and "Reset to defaults" behind a confirmation.
 */
export function SaveBar({ status, dirty, errors, text, onReset }: SaveBarProps) {
  const [confirmingReset, setConfirmingReset] = useState(false);
  const t = text.options;
  return (
    <div className="save-bar">
      {errors.length > 0 ? (
        <div className="error-summary" role="alert" data-testid="error-summary">
          <p>{t.errorSummary(errors.length)}</p>
          <ul>
            {errors.map((error) => (
              <li key={error.field ?? error.message}>
                {error.field ? <a href={`#${inputId(error.field)}`}>{labelOf(error.field, text)}</a> : null}
                {error.field ? ': ' : ''}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="save-bar-row">
        {confirmingReset ? (
          <div className="reset-confirm" role="group" aria-label={t.resetConfirm}>
            <span>{t.resetConfirm}</span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmingReset(false);
                onReset();
              }}
            >
              {t.resetYes}
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)}>
              {t.resetNo}
            </button>
          </div>
        ) : (
          <>
            <button type="submit" className="primary" disabled={status === 'saving'}>
              {status === 'saving' ? t.saving : t.save}
            </button>
            <span className="save-status" role="status" aria-live="polite" data-status={status}>
              {statusText(status, dirty, text)}
            </span>
            <button type="button" className="quiet" onClick={() => setConfirmingReset(true)}>
              {t.reset}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function statusText(status: SaveStatus, dirty: boolean, text: UiText): string {
  if (status === 'failed') return text.options.storageFailed;
  if (dirty) return text.options.unsaved;
  if (status === 'saved') return `✓ ${text.options.saved}`;
  if (status === 'reset') return `✓ ${text.options.resetDone}`;
  return '';
}

/** A field's name in the summary, with its criterion when the label alone is ambiguous. */
function labelOf(field: FieldId, text: UiText): string {
  const t = text.options;
  switch (field) {
    case 'language':
      return t.language;
    case 'timeZone':
      return t.timeZone;
    case 'businessHours.days':
      return t.workingDays;
    case 'businessHours.start':
      return t.start;
    case 'businessHours.end':
      return t.end;
    case 'outOfScope.keywords':
      return t.outOfScopeKeywords;
    case 'complaintTags':
      return t.complaintTags;
    default: {
      const section = CRITERION_SECTIONS.find((candidate) => candidate.fields.some((f) => f.path === field));
      // "… and at least this share" continues the line above it on the page; alone it drops the "…".
      const label = t.fields[field].replace(/^…\s*/, '');
      return section ? `${text.criteria[section.id].title} — ${label}` : label;
    }
  }
}
