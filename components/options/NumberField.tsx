import type { FieldUnit, NumberFieldPath, UiText } from '../../lib/i18n';
import { describedBy, Field } from './Field';
import { inputId, limitsOf } from './form-model';

type NumberFieldProps = {
  path: NumberFieldPath;
  unit: FieldUnit;
  /** As typed, or the stored value as shown (a share as a percentage). */
  value: string;
  error?: string;
  text: UiText;
  onChange: (value: string) => void;
};

/** One threshold: its label, a number input with the schema's limits, its unit. */
export function NumberField({ path, unit, value, error, text, onChange }: NumberFieldProps) {
  const id = inputId(path);
  const { min, max, integer } = limitsOf(path);
  const scale = unit === 'percent' ? 100 : 1;
  const unitId = unit === 'none' ? undefined : `${id}-unit`;
  return (
    <Field inputId={id} label={text.options.fields[path]} error={error}>
      <input
        id={id}
        name={path}
        type="number"
        inputMode="decimal"
        min={min * scale}
        max={max * scale}
        step={integer && unit !== 'percent' ? 1 : 'any'}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[unitId, describedBy(id, undefined, error)].filter(Boolean).join(' ') || undefined}
      />
      <span className="unit" id={unitId}>
        {unit === 'none' ? '' : text.options.units[unit]}
      </span>
    </Field>
  );
}
