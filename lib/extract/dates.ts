import { addDays, addHours, addMinutes, addMonths, addSeconds, addWeeks, addYears } from 'date-fns';
import { fold } from './text';

/** How a numeric `a/b/yyyy` date is read: day first or month first. */
export type DateOrder = 'dmy' | 'mdy';

/** A calendar date, with the time of day and zone when the page gave them. */
export type PageDate = { date: string; time?: string; zone?: string };

/** `undefined`: not a date at all; 'invalid': shaped like a date but no such day (31.02.2026). */
type DateReading = PageDate | 'invalid' | undefined;

const pad = (value: number): string => String(value).padStart(2, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

/** Builds a date after checking that the day exists and the time is a time of day. */
function makeDate(year: number, month: number, day: number, clock?: Clock): DateReading {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!clock) return { date };
  if (clock.hours > 23 || clock.minutes > 59 || (clock.seconds ?? 0) > 59) return 'invalid';
  const time = `${pad(clock.hours)}:${pad(clock.minutes)}${clock.seconds === undefined ? '' : `:${pad(clock.seconds)}`}`;
  return clock.zone ? { date, time, zone: clock.zone } : { date, time };
}

type Clock = { hours: number; minutes: number; seconds?: number; zone?: string };

/** "14:30", "2:30 PM", "14:30:05", "10:00:00.123Z", "10:00+03:00", with "at"/"в"/"," before it. */
const CLOCK = /^(?:,|\s|at|в)*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

function readClock(rest: string): Clock | 'none' | undefined {
  if (rest.trim() === '') return 'none';
  const match = CLOCK.exec(rest);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  const zone = match[5] ? normaliseZone(match[5]) : undefined;
  return {
    hours,
    minutes: Number(match[2]),
    ...(match[3] === undefined ? {} : { seconds: Number(match[3]) }),
    ...(zone ? { zone } : {}),
  };
}

function normaliseZone(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function withClock(rest: string, build: (clock?: Clock) => DateReading): DateReading {
  const clock = readClock(rest);
  if (clock === undefined) return undefined;
  return build(clock === 'none' ? undefined : clock);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.*))?$/;
const YEAR_FIRST = /^(\d{4})[./](\d{1,2})[./](\d{1,2})(.*)$/;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s*г\.?)?(.*)$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:[\s./-]+)([a-zа-я]+)\.?(?:[\s./-]+)(\d{4})(?:\s*г\.?)?(.*)$/i;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i;
const WEEKDAY_PREFIX = /^(?:mon|tue|wed|thu|fri|sat|sun|пн|вт|ср|чт|пт|сб|вс)[a-zа-я]*\.?,?\s+/i;

/** English and Russian month names by their first three letters ("мая" and "май" share "ма"). */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['янв', 1], ['фев', 2], ['мар', 3], ['апр', 4], ['мая', 5], ['май', 5], ['июн', 6],
  ['июл', 7], ['авг', 8], ['сен', 9], ['окт', 10], ['ноя', 11], ['дек', 12],
]);

function monthByName(name: string): number | undefined {
  return MONTHS.get(fold(name).slice(0, 3));
}

/**
 * Reads an absolute date as pages print it.
 *
 * @example parseDate('05.03.2026', 'mdy') // { date: '2026-03-05' } — dots are always day first
 * @example parseDate('03/05/2026', 'mdy') // { date: '2026-03-05' }
 * @example parseDate('5 марта 2026 г.', 'dmy') // { date: '2026-03-05' }
 * @example parseDate('31.02.2026', 'dmy') // 'invalid'
 */
export function parseDate(raw: string, order: DateOrder): DateReading {
  const value = raw.trim().replace(WEEKDAY_PREFIX, '');
  let match = ISO.exec(value);
  if (match) return withClock(match[4] ?? '', (clock) => makeDate(Number(match![1]), Number(match![2]), Number(match![3]), clock));
  match = YEAR_FIRST.exec(value);
  if (match) return withClock(match[4] ?? '', (clock) => makeDate(Number(match![1]), Number(match![2]), Number(match![3]), clock));
  match = NUMERIC.exec(value);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    const dayFirst = match[2] === '.' || order === 'dmy';
    const year = fullYear(Number(match[4]));
    return withClock(match[5] ?? '', (clock) =>
      dayFirst ? makeDate(year, second, first, clock) : makeDate(year, first, second, clock),
    );
  }
  match = DAY_MONTH_NAME.exec(value);
  if (match) {
    const month = monthByName(match[2] ?? '');
    if (month === undefined) return undefined;
    return withClock(match[4] ?? '', (clock) => makeDate(Number(match![3]), month, Number(match![1]), clock));
  }
  match = MONTH_NAME_DAY.exec(value);
  if (match) {
    const month = monthByName(match[1] ?? '');
    if (month === undefined) return undefined;
    return withClock(match[4] ?? '', (clock) => makeDate(Number(match![3]), month, Number(match![2]), clock));
  }
  return undefined;
}

const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})\b/;

/**
 * Decides how a column's `a/b/yyyy` dates read: any first part over 12 means day first, any
 * second part over 12 means month first; otherwise the page language (en-US: month first).
 */
export function columnDateOrder(values: readonly string[], lang: string): DateOrder {
  let order: DateOrder | undefined;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) return 'dmy';
    if (Number(match[2]) > 12) order = 'mdy';
  }
  return order ?? langDateOrder(lang);
}

/** en-US (also written en_US) prints month first; every other language we read, day first. */
function langDateOrder(lang: string): DateOrder {
  return /^en[-_]us\b/i.test(lang.trim()) ? 'mdy' : 'dmy';
}

function fromLocal(moment: Date, withTime: boolean): PageDate {
  const date = `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
  return withTime ? { date, time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}` } : { date };
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Unit words by their start, English and Russian, long and short ("5 d", "3 дня", "10 мин"). */
const UNIT_WORDS: readonly [RegExp, Unit][] = [
  [/^(?:s|sec|secs|seconds?|сек|секунд[уы]?)$/, 'second'],
  [/^(?:m|min|mins|minutes?|мин|минут[уы]?)$/, 'minute'],
  [/^(?:h|hr|hrs|hours?|ч|час|часа|часов)$/, 'hour'],
  [/^(?:d|days?|д|дн|день|дня|дней)$/, 'day'],
  [/^(?:w|wk|weeks?|нед|недел[юиь]|недель)$/, 'week'],
  [/^(?:mo|mon|months?|мес|месяц|месяца|месяцев)$/, 'month'],
  [/^(?:y|yr|years?|г|год|года|лет)$/, 'year'],
];

function unitOf(word: string): Unit | undefined {
  return UNIT_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** Calendar arithmetic on the local wall clock: "3 days ago" at 12:00 is 12:00, across a DST change too. */
const SHIFTS: Readonly<Record<Unit, (moment: Date, amount: number) => Date>> = {
  second: addSeconds,
  minute: addMinutes,
  hour: addHours,
  day: addDays,
  week: addWeeks,
  month: addMonths,
  year: addYears,
};

function shift(now: Date, amount: number, unit: Unit): Date {
  return SHIFTS[unit](now, amount);
}

const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ['today', 0], ['сегодня', 0], ['yesterday', -1], ['вчера', -1], ['tomorrow', 1], ['завтра', 1],
  ['позавчера', -2], ['послезавтра', 2],
]);
const NOW_WORDS = new Set(['now', 'just now', 'только что', 'сейчас', 'a moment ago', 'a few seconds ago']);
const DAY_AND_TIME = /^([a-zа-я]+)(?:,|\s+at|\s+в)?\s*(?:(\d{1,2}):(\d{2})\s*(am|pm)?)?$/;
const AGO = /^(\d+|an?|one)\s*([a-zа-я]+)\.?\s*(ago|назад)?$/;
const AHEAD = /^(?:in|через)\s+(\d+|an?|one)\s*([a-zа-я]+)$/;

/**
 * Resolves relative page times against the page load time, in the page's local time.
 *
 * @example parseRelative('yesterday at 21:40', new Date(2026, 2, 10, 12)) // { date: '2026-03-09', time: '21:40' }
 * @example parseRelative('3 дня назад', new Date(2026, 2, 10, 12)) // { date: '2026-03-07', time: '12:00' }
 */
export function parseRelative(raw: string, now: Date): PageDate | undefined {
  const value = fold(raw);
  if (NOW_WORDS.has(value)) return fromLocal(now, true);
  const dayMatch = DAY_AND_TIME.exec(value);
  const dayOffset = dayMatch ? DAY_WORDS.get(dayMatch[1] ?? '') : undefined;
  if (dayMatch && dayOffset !== undefined) {
    const day = shift(now, dayOffset, 'day');
    if (dayMatch[2] === undefined) return fromLocal(day, true);
    let hours = Number(dayMatch[2]);
    if (dayMatch[4] === 'pm' && hours < 12) hours += 12;
    if (dayMatch[4] === 'am' && hours === 12) hours = 0;
    const minutes = Number(dayMatch[3]);
    if (hours > 23 || minutes > 59) return undefined;
    return { date: fromLocal(day, false).date, time: `${pad(hours)}:${pad(minutes)}` };
  }
  const ago = AGO.exec(value);
  const ahead = AHEAD.exec(value);
  const parts = ago ? { count: ago[1], word: ago[2], sign: -1 } : ahead ? { count: ahead[1], word: ahead[2], sign: 1 } : undefined;
  if (!parts) return undefined;
  // "5 d" needs no "ago" (ERPNext timestamps); a bare "5 days" might be a duration, so it needs one.
  if (ago && !ago[3] && (ago[2] ?? '').length > 2) return undefined;
  const unit = unitOf(parts.word ?? '');
  if (!unit) return undefined;
  const count = /^\d+$/.test(parts.count ?? '') ? Number(parts.count) : 1;
  return fromLocal(shift(now, parts.sign * count, unit), true);
}

/** Reads a machine timestamp from an attribute: ISO text, or epoch seconds / milliseconds. */
export function parseTimestamp(raw: string): DateReading {
  const value = raw.trim();
  if (/^\d{10}(\.\d+)?$/.test(value) || /^\d{13}$/.test(value)) {
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    const iso = new Date(ms).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19), zone: 'Z' };
  }
  return parseDate(value, 'dmy');
}

/** The ISO 8601 form of a page date: 'yyyy-MM-ddTHH:mm[:ss][zone]', or the date alone. */
export function toIso(value: PageDate): string {
  return value.time ? `${value.date}T${value.time}${value.zone ?? ''}` : value.date;
}
