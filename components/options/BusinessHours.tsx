import type { UiText } from '../../lib/i18n';
import { describedBy, Field } from './Field';
import { inputId, type FieldId } from './form-model';
import { Section } from './Section';

type BusinessHoursProps = {
  /** ISO weekdays as the form keeps them, e.g. '1,2,3,4,5'. */
  days: string;
  start: string;
  end: string;
  errorOf: (field: FieldId) => string | undefined;
  text: UiText;
  onEdit: (field: 'businessHours.days' | 'businessHours.start' | 'businessHours.end', value: string) => void;
};

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Working days Monday to Sunday, and the hours of the working day. */
export function BusinessHours({ days, start, end, errorOf, text, onEdit }: BusinessHoursProps) {
  const t = text.options;
  const selected = new Set(days.split(',').filter(Boolean).map(Number));
  const toggle = (day: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(day);
    else next.delete(day);
    onEdit('businessHours.days', [...next].sort((a, b) => a - b).join(','));
  };

  return (
    <Section id="business-hours" title={t.businessHours} description={t.businessHoursHint}>
      <div className="field field-wide" role="group" aria-labelledby="working-days-label">
        <div className="field-label">
          <span id="working-days-label" className="label">
            {t.workingDays}
          </span>
        </div>
        <div className="field-control weekdays">
          {ISO_WEEKDAYS.map((day) => (
            <label key={day} className="weekday" title={t.weekdaysLong[day - 1]}>
              <input
                type="checkbox"
                name="businessHours.days"
                value={day}
                checked={selected.has(day)}
                onChange={(event) => toggle(day, event.currentTarget.checked)}
                aria-label={t.weekdaysLong[day - 1]}
              />
              <span>{t.weekdays[day - 1]}</span>
            </label>
          ))}
        </div>
      </div>
      {(['businessHours.start', 'businessHours.end'] as const).map((field) => {
        const id = inputId(field);
        const error = errorOf(field);
        return (
          <Field key={field} inputId={id} label={field === 'businessHours.start' ? t.start : t.end} error={error}>
            <input
              id={id}
              name={field}
              type="time"
              step={60}
              value={field === 'businessHours.start' ? start : end}
              onChange={(event) => onEdit(field, event.currentTarget.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, undefined, error)}
            />
          </Field>
        );
      })}
    </Section>
  );
}
