import { z } from 'zod';
import type { CriterionId } from '../../lib/model';
import { settingsSchema, validateSettings, type Settings } from '../../lib/settings';
import type { FieldUnit, NumberFieldPath, UiText } from '../../lib/i18n';

/**
 * The options form as data: which settings each section shows, how a stored value is shown
 * in an input (shares as percentages) and how the inputs turn back into a candidate.
 * The form keeps only what the user typed ("drafts"); everything else shows the stored value,
 * so a change made in another window appears in every field the user has not touched.
 */

type NumberField = { path: NumberFieldPath; unit: FieldUnit };
type CriterionSection = { id: CriterionId; fields: NumberField[] };

const days = (path: NumberFieldPath): NumberField => ({ path, unit: 'days' });
const percent = (path: NumberFieldPath): NumberField => ({ path, unit: 'percent' });
const times = (path: NumberFieldPath): NumberField => ({ path, unit: 'times' });
const plain = (path: NumberFieldPath): NumberField => ({ path, unit: 'none' });

/** One section per criterion, in the order of the DESIGN.md table. */
export const CRITERION_SECTIONS: readonly CriterionSection[] = [
  {
    id: 'late-payment',
    fields: [
      days('latePayment.windowDays'),
      days('latePayment.lateDays'),
      plain('latePayment.metCount'),
      days('latePayment.overdueDays'),
      days('latePayment.watchMeanDays'),
    ],
  },
  { id: 'price-pressure', fields: [days('pricePressure.windowDays'), plain('pricePressure.metEvents')] },
  {
    id: 'disrespect',
    fields: [
      days('disrespect.windowDays'),
      plain('disrespect.metEvents'),
      plain('disrespect.badRatingsMin'),
      percent('disrespect.badRatingShare'),
    ],
  },
  {
    id: 'ignored-advice',
    fields: [days('ignoredAdvice.windowDays'), plain('ignoredAdvice.metIgnored'), percent('ignoredAdvice.metShare')],
  },
  {
    id: 'scope-creep',
    fields: [
      days('scopeCreep.windowDays'),
      times('scopeCreep.metRatio'),
      times('scopeCreep.watchRatio'),
      plain('scopeCreep.minItems'),
      percent('scopeCreep.billingGrowth'),
      days('scopeCreep.invoiceWindowDays'),
    ],
  },
  {
    id: 'excess-attention',
    fields: [
      days('excessAttention.windowDays'),
      plain('excessAttention.minContacts'),
      percent('excessAttention.afterHoursShare'),
      percent('excessAttention.urgentShare'),
      times('excessAttention.volumeMultiple'),
      plain('excessAttention.volumeMinContacts'),
    ],
  },
  { id: 'out-of-scope', fields: [days('outOfScope.windowDays'), plain('outOfScope.metItems')] },
  {
    id: 'low-income',
    fields: [
      days('lowIncome.windowDays'),
      percent('lowIncome.metFraction'),
      percent('lowIncome.watchFraction'),
      plain('lowIncome.minPeers'),
    ],
  },
];

/** Every input of the form; number fields are named by their settings path. */
export type FieldId =
  | NumberFieldPath
  | 'language'
  | 'timeZone'
  | 'businessHours.days'
  | 'businessHours.start'
  | 'businessHours.end'
  | 'outOfScope.keywords'
  | 'complaintTags';

/** What the user typed, by field; a field with no draft shows the stored value. */
export type Drafts = Partial<Record<FieldId, string>>;

/** The DOM id of a field's input, for labels and the error summary's links. */
export function inputId(field: FieldId): string {
  return `field-${field.replace('.', '-')}`;
}

type Limits = { min: number; max: number; integer: boolean };

/** A number field's limits, read from the zod schema itself so the form cannot drift from it. */
export function limitsOf(path: NumberFieldPath): Limits {
  const [section, key] = path.split('.') as [keyof Settings, string];
  const sectionSchema = settingsSchema.shape[section];
  const fieldSchema = sectionSchema instanceof z.ZodObject ? (sectionSchema.shape as Record<string, z.ZodType>)[key] : undefined;
  if (!(fieldSchema instanceof z.ZodNumber)) throw new Error(`not a number setting: ${path}`);
  return {
    min: fieldSchema.minValue ?? 0,
    max: fieldSchema.maxValue ?? Number.MAX_SAFE_INTEGER,
    integer: fieldSchema.isInt,
  };
}

function readNumber(settings: Settings, path: NumberFieldPath): number {
  const [section, key] = path.split('.') as [keyof Settings, string];
  return (settings[section] as unknown as Record<string, number>)[key]!;
}

/** 0.3 → "30", 1/3 → "33.33", 1.25 → "1.25". */
function formatForInput(value: number, unit: FieldUnit): string {
  const shown = unit === 'percent' ? value * 100 : value;
  return String(Number(shown.toFixed(2)));
}

/** "30" → 0.3 for a percentage; "" or garbage → NaN, which validation refuses. */
function parseInput(text: string, unit: FieldUnit): number {
  const cleaned = text.replace(/[\s%×]/g, '').replace(',', '.');
  const value = cleaned === '' ? Number.NaN : Number(cleaned);
  return unit === 'percent' ? value / 100 : value;
}

function unitOf(path: NumberFieldPath): FieldUnit {
  for (const section of CRITERION_SECTIONS) {
    const field = section.fields.find((candidate) => candidate.path === path);
    if (field) return field.unit;
  }
  return 'none';
}

/** What an input shows: the user's draft, else the stored value. */
export function shownValue(settings: Settings, drafts: Drafts, field: FieldId): string {
  const draft = drafts[field];
  if (draft !== undefined) return draft;
  switch (field) {
    case 'language':
      return settings.language;
    case 'timeZone':
      return settings.timeZone;
    case 'businessHours.days':
      return settings.businessHours.days.join(',');
    case 'businessHours.start':
      return settings.businessHours.start;
    case 'businessHours.end':
      return settings.businessHours.end;
    case 'outOfScope.keywords':
      return settings.outOfScope.keywords.join('\n');
    case 'complaintTags':
      return settings.complaintTags.join('\n');
    default:
      return formatForInput(readNumber(settings, field), unitOf(field));
  }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function isLanguage(value: string): value is Settings['language'] {
  return value === 'auto' || value === 'en' || value === 'ru';
}

/**
 * The stored settings with the drafts applied: the whole candidate that Save validates.
 * Only drafted fields are parsed, so an untouched 1/3 stays exactly 1/3.
 */
function candidateFrom(settings: Settings, drafts: Drafts): unknown {
  const candidate = structuredClone(settings) as unknown as Record<string, Record<string, unknown> | unknown>;
  const section = (key: string) => candidate[key] as Record<string, unknown>;
  for (const [field, text] of Object.entries(drafts) as [FieldId, string][]) {
    switch (field) {
      case 'language':
        candidate.language = isLanguage(text) ? text : 'auto';
        break;
      case 'timeZone':
        candidate.timeZone = text.trim();
        break;
      case 'businessHours.days':
        section('businessHours').days = text === '' ? [] : text.split(',').map(Number).sort((a, b) => a - b);
        break;
      case 'businessHours.start':
        section('businessHours').start = text;
        break;
      case 'businessHours.end':
        section('businessHours').end = text;
        break;
      case 'outOfScope.keywords':
        section('outOfScope').keywords = lines(text);
        break;
      case 'complaintTags':
        candidate.complaintTags = lines(text);
        break;
      default: {
        const [sectionKey, key] = field.split('.') as [string, string];
        section(sectionKey)[key] = parseInput(text, unitOf(field));
      }
    }
  }
  return candidate;
}

const NUMBER_PATHS = new Set<string>(CRITERION_SECTIONS.flatMap((section) => section.fields.map((field) => field.path)));

/** A refused field and the message shown next to it, in the UI language. */
export type FieldError = { field: FieldId | null; message: string };

/** validateSettings' "path: message" lines, turned into per-field messages in the UI language. */
function fieldErrors(errors: readonly string[], text: UiText): FieldError[] {
  const found = new Map<string, FieldError>();
  for (const line of errors) {
    const split = line.indexOf(': ');
    const error = errorFor(line.slice(0, split), line.slice(split + 2), text);
    found.set(error.field ?? line, error);
  }
  return [...found.values()];
}

/** zod's own messages for a wrong type or a value out of range (anything else is a custom rule). */
const RANGE_MESSAGE = /^(Too (small|big)|Invalid input|Expected)/i;

function errorFor(path: string, message: string, text: UiText): FieldError {
  const messages = text.options.errors;
  if (NUMBER_PATHS.has(path) && !RANGE_MESSAGE.test(message)) {
    // A rule across fields (e.g. "watch" below "met") speaks for itself; it has no range to cite.
    return { field: path as NumberFieldPath, message };
  }
  if (NUMBER_PATHS.has(path)) {
    const field = path as NumberFieldPath;
    const unit = unitOf(field);
    const { min, max, integer } = limitsOf(field);
    const scale = unit === 'percent' ? 100 : 1;
    return { field, message: messages.range(min * scale, max * scale, integer && unit !== 'percent', unit) };
  }
  if (path === 'businessHours') return { field: 'businessHours.end', message: messages.hoursOrder };
  if (path === 'businessHours.start' || path === 'businessHours.end') {
    return { field: path, message: /HH:mm/.test(message) ? messages.time : messages.hoursOrder };
  }
  if (path === 'timeZone') return { field: 'timeZone', message: messages.timeZone };
  if (path.startsWith('outOfScope.keywords')) return { field: 'outOfScope.keywords', message: messages.words };
  if (path.startsWith('complaintTags')) return { field: 'complaintTags', message: messages.words };
  return { field: null, message: messages.other(path) };
}

type SaveCheck = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/** Validates the whole candidate; nothing is saved unless every field passes. */
export function checkDrafts(settings: Settings, drafts: Drafts, text: UiText): SaveCheck {
  const result = validateSettings(candidateFrom(settings, drafts));
  return result.ok ? result : { ok: false, errors: fieldErrors(result.errors, text) };
}
