import type { PageDate } from '../extract/dates';

const DAY_MS = 86_400_000;
/** Day 0 of each date system, as UTC milliseconds: 1899-12-31 (so serial 1 is 1900-01-01) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The calendar date (and time of day, when the serial has a fraction) of a spreadsheet date
 * serial. In the 1900 system Lotus 1-2-3's bug lives on: serial 60 is 29 February 1900, a day
 * that never was ('invalid'), and every serial after it is one day ahead of the count. The
 * 1904 system (old Mac Excel, `<workbookPr date1904="1"/>`) counts from 1 January 1904, day 0.
 * Pure arithmetic on UTC: the machine's zone never moves a date.
 *
 * @example serialDate(45000, false) // { date: '2023-03-15' }
 * @example serialDate(60, false) // 'invalid'
 * @example serialDate(0.5 + 43831, false) // { date: '2020-01-01', time: '12:00:00' }
 */
export function serialDate(serial: number, date1904: boolean): PageDate | 'invalid' {
  // Excel's own range: 1900-01-01 … 9999-12-31 (2,958,465); negative serials are no dates.
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) return 'invalid';
  // Seconds first, so 0.9999999 of a day rounds into the next day rather than to "24:00:00".
  const total = Math.round(serial * 86_400);
  let day = Math.floor(total / 86_400);
  const seconds = total - day * 86_400;
  if (!date1904) {
    if (day === 60) return 'invalid';
    if (day > 60) day -= 1;
  }
  const moment = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + day * DAY_MS + seconds * 1000);
  const date = `${moment.getUTCFullYear()}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`;
  if (seconds === 0) return { date };
  return { date, time: `${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())}` };
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a cell style's number format shows a date: a built-in date format, or a format code
 * with day, month, year, hour or second parts outside quoted text, escapes and [colour] or
 * [$-locale] brackets ("dd.mm.yyyy", "[$-409]mmm d, yyyy", but not `#,##0 "руб."`).
 *
 * @example isDateFormat(14, undefined) // true
 * @example isDateFormat(164, '#,##0.00 "дн."') // false
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (DATE_FORMAT_IDS.has(id)) return true;
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  // "General" and number-only sections carry no date letters once the above is gone.
  return /[dmyhs]/i.test(bare.replace(/general/gi, ''));
}
