import type { Lang } from './model';

/** Russian plural forms: one (1, 21), few (2–4, 22–24), many (5–20, 25…). */
const ruRules = new Intl.PluralRules('ru');
const enRules = new Intl.PluralRules('en');

/** Picks the word form for `n`: en [one, other], ru [one, few, many]. */
export function plural(lang: Lang, n: number, forms: readonly string[]): string {
  if (lang === 'ru') {
    const rule = ruRules.select(n);
    return rule === 'one' ? forms[0]! : rule === 'few' ? forms[1]! : (forms[2] ?? forms[1]!);
  }
  return enRules.select(n) === 'one' ? forms[0]! : forms[1]!;
}

/** `n` followed by its word form, e.g. count('ru', 5, ['день', 'дня', 'дней']) → '5 дней'. */
export function count(lang: Lang, n: number, forms: readonly string[]): string {
  return `${formatNumber(lang, n)} ${plural(lang, n, forms)}`;
}

/**
 * Number formats, built once per language and style: building an Intl.NumberFormat costs more
 * than evaluating a whole client, and the criteria format numbers for every verdict.
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

export function formatNumber(lang: Lang, n: number, maxFractionDigits = 1): string {
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

