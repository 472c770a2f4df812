import type { Lang } from '../model';

/*
 * Numbers and word forms in the two UI languages. The dictionaries (en.ts, ru.ts) and the
 * criteria call these for every verdict of every client, so the common cases are answered
 * without asking Intl each time.
 */

const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/** The plural category of small whole numbers, per language, asked of Intl once each. */
const categories: Record<Lang, Intl.LDMLPluralRule[]> = { en: [], ru: [] };

function categoryOf(lang: Lang, n: number): Intl.LDMLPluralRule {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return pluralRules[lang].select(n);
  return (categories[lang][n] ??= pluralRules[lang].select(n));
}

/**
 * Picks the word form for `n` by Intl.PluralRules: en [one, other]; ru [one, few, many] (one: 1,
 * 21; few: 2–4, 22–24; many: 5–20, 25…; a fraction takes the few form: «1,5 дня»).
 *
 * @example plural('ru', 22, ['день', 'дня', 'дней']) // 'дня'
 */
export function plural(lang: Lang, n: number, forms: readonly string[]): string {
  const category = categoryOf(lang, n);
  if (lang === 'ru') return category === 'one' ? forms[0]! : category === 'few' || category === 'other' ? forms[1]! : (forms[2] ?? forms[1]!);
  return category === 'one' ? forms[0]! : forms[1]!;
}

/** `n` followed by its word form, e.g. count('ru', 5, ['день', 'дня', 'дней']) → '5 дней'. */
export function count(lang: Lang, n: number, forms: readonly string[]): string {
  return `${formatNumber(lang, n)} ${plural(lang, n, forms)}`;
}

/**
 * Number formats, built once per language and style: building an Intl.NumberFormat costs more
 * than evaluating a whole client.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', options);
    formats.set(id, format);
  }
  return format;
}

/** A number in the UI language, at most `maxFractionDigits` decimals: '1,234.5', '1 234,5'. */
export function formatNumber(lang: Lang, n: number, maxFractionDigits = 1): string {
  // Whole numbers under 1,000 read the same in both languages (no group separator, no decimals).
  if (Number.isInteger(n) && Math.abs(n) < 1000 && !Object.is(n, -0)) return String(n);
  return numberFormat(lang, `n${maxFractionDigits}`, { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** Money in the UI language, with its currency where the ISO code is known; a plain number otherwise. */
export function formatMoney(lang: Lang, amount: number, currency?: string): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return numberFormat(lang, currency, { style: 'currency', currency }).format(amount);
    } catch {
      // An unknown code falls through to a plain number.
    }
  }
  return formatNumber(lang, amount, 2);
}

/** The browser's language reduced to the two the UI speaks. */
export function langOf(locale: string | undefined): Lang {
  return locale && /^(ru|be|uk|kk)\b/i.test(locale) ? 'ru' : 'en';
}

/** The UI language for a setting of 'auto' | 'en' | 'ru'. */
export function resolveLang(setting: 'auto' | Lang | undefined, browserLocale?: string): Lang {
  if (setting === 'en' || setting === 'ru') return setting;
  const locale = browserLocale ?? (typeof navigator === 'undefined' ? undefined : navigator.language);
  return langOf(locale);
}
