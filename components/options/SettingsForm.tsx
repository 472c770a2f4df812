import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../lib/settings';
import type { UiText } from '../../lib/i18n';
import { BusinessHours } from './BusinessHours';
import { describedBy, Field } from './Field';
import { checkDrafts, CRITERION_SECTIONS, inputId, shownValue, type Drafts, type FieldError, type FieldId } from './form-model';
import { NumberField } from './NumberField';
import { SaveBar, type SaveStatus } from './SaveBar';
import { Section } from './Section';

type SettingsFormProps = {
  /** The stored settings (already filled with defaults). */
  settings: Settings;
  text: UiText;
  /** The zone used when the setting is empty, e.g. 'Europe/Minsk'. */
  browserZone: string;
  /** The browser's language by name, e.g. 'English', for the "auto" choice. */
  browserLanguage: string;
  /** Suggestions for the time zone input. */
  timeZones: readonly string[];
  /** Stores valid settings; rejects when storage fails. */
  onSave: (settings: Settings) => Promise<void>;
  onReset: () => Promise<void>;
};

/**
 * The settings form. Nothing is stored until Save, and Save stores nothing unless the whole
 * candidate passes validateSettings; refused fields say why next to themselves and in a summary.
 */
export function SettingsForm({ settings, text, browserZone, browserLanguage, timeZones, onSave, onReset }: SettingsFormProps) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [refusedAt, setRefusedAt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const t = text.options;

  // After a refused save, take the user to the first field that needs fixing.
  useEffect(() => {
    if (refusedAt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedAt]);

  const value = (field: FieldId) => shownValue(settings, drafts, field);
  const errorOf = (field: FieldId) => errors.find((error) => error.field === field)?.message;
  const edit = (field: FieldId, next: string) => {
    setDrafts((current) => ({ ...current, [field]: next }));
    setErrors((current) => current.filter((error) => error.field !== field));
    setStatus('idle');
  };

  /** Runs a store operation; on success the form shows the stored settings again, with no drafts. */
  async function store(operation: () => Promise<void>, done: SaveStatus) {
    setStatus('saving');
    try {
      await operation();
      setDrafts({});
      setErrors([]);
      setStatus(done);
    } catch {
      setStatus('failed');
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkDrafts(settings, drafts, text);
    if (check.ok) return store(() => onSave(check.settings), 'saved');
    setErrors(check.errors);
    setStatus('idle');
    setRefusedAt(Date.now());
  }

  const wordsField = (field: 'outOfScope.keywords' | 'complaintTags', label: string, hint: string) => {
    const id = inputId(field);
    const error = errorOf(field);
    const fullHint = `${hint} ${t.onePerLine}`;
    return (
      <Field inputId={id} label={label} hint={fullHint} error={error} wide>
        <textarea
          id={id}
          name={field}
          rows={6}
          spellCheck={false}
          value={value(field)}
          onChange={(event) => edit(field, event.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, fullHint, error)}
        />
      </Field>
    );
  };

  const timeZoneHint = t.timeZoneHint(browserZone);
  const timeZoneError = errorOf('timeZone');
  const dirty = (Object.keys(drafts) as FieldId[]).some((field) => drafts[field] !== shownValue(settings, {}, field));

  return (
    <form ref={formRef} className="settings-form" onSubmit={save} noValidate>
      <Section id="general" title={t.general}>
        <Field inputId={inputId('language')} label={t.language}>
          <select
            id={inputId('language')}
            name="language"
            value={value('language')}
            onChange={(event) => edit('language', event.currentTarget.value)}
          >
            <option value="auto">{t.languageAuto(browserLanguage)}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="ru" lang="ru">
              Русский
            </option>
          </select>
        </Field>
        <Field inputId={inputId('timeZone')} label={t.timeZone} hint={timeZoneHint} error={timeZoneError}>
          <input
            id={inputId('timeZone')}
            name="timeZone"
            type="text"
            list="time-zones"
            autoComplete="off"
            spellCheck={false}
            placeholder={t.timeZonePlaceholder}
            value={value('timeZone')}
            onChange={(event) => edit('timeZone', event.currentTarget.value)}
            aria-invalid={timeZoneError ? true : undefined}
            aria-describedby={describedBy(inputId('timeZone'), timeZoneHint, timeZoneError)}
          />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
      </Section>

      <BusinessHours
        days={value('businessHours.days')}
        start={value('businessHours.start')}
        end={value('businessHours.end')}
        errorOf={errorOf}
        text={text}
        onEdit={edit}
      />

      <h2 className="group-heading">{t.criteriaHeading}</h2>
      <p className="group-intro">{t.criteriaIntro}</p>
      {CRITERION_SECTIONS.map((section) => (
        <Section
          key={section.id}
          id={section.id}
          dataCriterion={section.id}
          title={text.criteria[section.id].article}
          description={text.criteria[section.id].rule}
        >
          {section.fields.map(({ path, unit }) => (
            <NumberField
              key={path}
              path={path}
              unit={unit}
              value={value(path)}
              error={errorOf(path)}
              text={text}
              onChange={(next) => edit(path, next)}
            />
          ))}
        </Section>
      ))}

      <Section id="words" title={t.words} description={t.wordsHint}>
        {wordsField('outOfScope.keywords', t.outOfScopeKeywords, t.outOfScopeKeywordsHint)}
        {wordsField('complaintTags', t.complaintTags, t.complaintTagsHint)}
      </Section>

      <SaveBar status={status} dirty={dirty} errors={errors} text={text} onReset={() => void store(onReset, 'reset')} />
    </form>
  );
}
