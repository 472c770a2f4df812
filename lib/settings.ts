import { z } from './zod';

/**
 * Every number of the DESIGN.md criteria table is a setting with that default.
 * Settings are validated with zod wherever they cross a boundary (storage, the options form).
 */

const days = z.number().int().min(1).max(3650);
const count = z.number().int().min(0).max(100000);
const share = z.number().min(0).max(1);
const ratio = z.number().min(0).max(1000);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const words = z.array(z.string().trim().min(1).max(100)).max(100);

export const settingsSchema = z
  .object({
    /** IANA zone; '' means the browser's. */
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => tz === '' || isTimeZone(tz), 'unknown time zone'),
    /** UI language; 'auto' follows the browser. */
    language: z.enum(['auto', 'en', 'ru']),
    businessHours: z
      .object({
        /** ISO weekdays, 1 = Monday … 7 = Sunday. */
        days: z.array(z.number().int().min(1).max(7)).max(7),
        start: hhmm,
        end: hhmm,
      })
      .refine((h) => h.start < h.end, 'business hours must end after they start'),
    latePayment: z.object({
      windowDays: days,
      lateDays: days,
      metCount: count.min(1),
      overdueDays: days,
      watchMeanDays: z.number().min(0).max(365),
    }),
    pricePressure: z.object({ windowDays: days, metEvents: count.min(1) }),
    disrespect: z.object({
      windowDays: days,
      metEvents: count.min(1),
      badRatingsMin: count.min(1),
      badRatingShare: share,
    }),
    ignoredAdvice: z.object({ windowDays: days, metIgnored: count.min(1), metShare: share }),
    scopeCreep: z.object({
      windowDays: days,
      metRatio: ratio,
      watchRatio: ratio,
      minItems: count,
      billingGrowth: z.number().min(0).max(100),
      invoiceWindowDays: days,
    }),
    excessAttention: z.object({
      windowDays: days,
      minContacts: count.min(1),
      afterHoursShare: share,
      urgentShare: share,
      volumeMultiple: ratio,
      volumeMinContacts: count,
    }),
    outOfScope: z.object({ windowDays: days, metItems: count.min(1), keywords: words }),
    lowIncome: z.object({
      windowDays: days,
      metFraction: share,
      watchFraction: share,
      minPeers: count.min(1),
    }),
    complaintTags: words,
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  timeZone: '',
  language: 'auto',
  businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  latePayment: { windowDays: 365, lateDays: 15, metCount: 2, overdueDays: 30, watchMeanDays: 3 },
  pricePressure: { windowDays: 180, metEvents: 3 },
  disrespect: { windowDays: 90, metEvents: 3, badRatingsMin: 2, badRatingShare: 0.3 },
  ignoredAdvice: { windowDays: 180, metIgnored: 2, metShare: 0.5 },
  scopeCreep: {
    windowDays: 90,
    metRatio: 1.5,
    watchRatio: 1.25,
    minItems: 5,
    billingGrowth: 0.1,
    invoiceWindowDays: 180,
  },
  excessAttention: {
    windowDays: 90,
    minContacts: 5,
    afterHoursShare: 0.3,
    urgentShare: 0.4,
    volumeMultiple: 3,
    volumeMinContacts: 10,
  },
  outOfScope: {
    windowDays: 180,
    metItems: 3,
    keywords: ['out-of-scope', 'out of scope', 'not in contract', 'вне договора', 'не по договору', 'вне рамок'],
  },
  lowIncome: { windowDays: 365, metFraction: 1 / 3, watchFraction: 2 / 3, minPeers: 3 },
  complaintTags: ['complaint', 'escalation', 'escalated', 'жалоба', 'претензия', 'эскалация'],
};

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Defaults overlaid with what is given, one level of nesting per criterion section. */
export function withDefaults(partial?: DeepPartial<Settings> | Partial<Settings>): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (value === undefined || !(key in DEFAULT_SETTINGS)) continue;
    const base = (DEFAULT_SETTINGS as Record<string, unknown>)[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return merged as Settings;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Validates a candidate; on failure says which field is wrong and why, and keeps nothing. */
export function validateSettings(candidate: unknown): SettingsResult {
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
  };
}

/** The user's time zone: the setting, else the browser's. */
export function effectiveTimeZone(settings: Settings): string {
  return settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A stored value made whole: defaults for what is missing, defaults again if it no longer validates. */
export function usableSettings(stored: Settings | null | undefined): Settings {
  const result = validateSettings(withDefaults(stored ?? undefined));
  return result.ok ? result.settings : DEFAULT_SETTINGS;
}
