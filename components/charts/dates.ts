import type { Lang } from '../../lib/model';

/*
 * Dates on the charts' axes and in their tooltips, in the UI language. Day numbers are calendar
 * days (lib/criteria/windows.ts), so they are formatted as UTC dates: no zone can shift them.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}|${key}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { ...options, timeZone: 'UTC' });
    formats.set(id, found);
  }
  return found;
}

const DAY_MS = 86_400_000;

/** '5 Mar 2026' / '5 мар. 2026 г.' */
export function dayLabel(lang: Lang, day: number): string {
  return format(lang, 'day', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(day * DAY_MS));
}

/** '5 Mar' / '5 мар.' */
export function shortDayLabel(lang: Lang, day: number): string {
  return format(lang, 'short-day', { day: 'numeric', month: 'short' }).format(new Date(day * DAY_MS));
}

/** 'Mar' / 'мар.' for 'yyyy-MM', with the year in January so a reader keeps track of it. */
export function monthLabel(lang: Lang, month: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return month.endsWith('-01') ? format(lang, 'month-year', { month: 'short', year: '2-digit' }).format(date) : format(lang, 'month', { month: 'short' }).format(date);
}

/** 'March 2026' / 'март 2026 г.' */
export function longMonthLabel(lang: Lang, month: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return format(lang, 'long-month', { month: 'long', year: 'numeric' }).format(date);
}
