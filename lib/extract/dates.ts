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
  const seconds = clock.seconds === undefined ? '' : `:${pad(clock.seconds)}${clock.fraction ?? ''}`;
  const time = `${pad(clock.hours)}:${pad(clock.minutes)}${seconds}`;
  return clock.zone ? { date, time, zone: clock.zone } : { date, time };
}

/** A time of day; `fraction` keeps the milliseconds a page wrote (".250"). */
type Clock = { hours: number; minutes: number; seconds?: number; fraction?: string; zone?: string };

/** "14:30", "2:30 PM", "14:30:05", "10:00:00.123Z", "10:00+03:00", with "at"/"в"/"," before it. */
const CLOCK = /^(?:,|\s|at|в)*(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(am|pm)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

function readClock(rest: string): Clock | 'none' | undefined {
  if (rest.trim() === '') return 'none';
  const match = CLOCK.exec(rest);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const meridiem = match[5]?.toLowerCase();
  if (meridiem && (hours < 1 || hours > 12)) return undefined;
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  const zone = match[6] ? normaliseZone(match[6]) : undefined;
  return {
    hours,
    minutes: Number(match[2]),
    ...(match[3] === undefined ? {} : { seconds: Number(match[3]) }),
    ...(match[4] === undefined ? {} : { fraction: match[4] }),
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

/** A numeric date whose day and month may be either way round: "03/04/2026", "3-4-26" (dots are always day first). */
const ORDERED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?!\d)/;

/**
 * What one value proves about the page's date order: 'dmy' when it is a valid date only day
 * first ("13/02/2026"), 'mdy' when only month first ("02/14/2026"), nothing when it reads both
 * ways, neither way ("31/02/2026", "00/00/0000") or is not such a date at all.
 *
 * @example dateOrderProof('23/02/2026') // 'dmy'
 * @example dateOrderProof('02/30/2026') // undefined: invalid either way proves nothing
 */
export function dateOrderProof(raw: string): DateOrder | undefined {
  const match = ORDERED.exec(raw.trim());
  if (!match) return undefined;
  const year = fullYear(Number(match[3]));
  const [first, second] = [Number(match[1]), Number(match[2])];
  const dayFirst = isDay(year, second, first);
  const monthFirst = isDay(year, first, second);
  if (dayFirst === monthFirst) return undefined;
  return dayFirst ? 'dmy' : 'mdy';
}

function isDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** How a page's `a/b/yyyy` dates read, decided once for the whole page. */
export type PageDateOrder = {
  order: DateOrder;
  /** Some value proved day first and another month first: the ambiguous dates cannot be read. */
  conflict: boolean;
};

/** What the dates seen so far prove: some only day first, some only month first. */
export type DateProof = { dmy: boolean; mdy: boolean };

/**
 * Collects what dates prove about the page's order, each distinct value looked at once (a long
 * list repeats its dates), so a reader can note proof while it collects rows and decide later.
 *
 * @example const proof = dateProofCollector(); proof.note('23/02/2026'); decideDateOrder(proof.proof, 'en-US') // dmy
 */
export function dateProofCollector(): { proof: DateProof; note(value: string): void } {
  const proof: DateProof = { dmy: false, mdy: false };
  const seen = new Set<string>();
  return {
    proof,
    note(value) {
      if (seen.has(value)) return;
      if (seen.size < 20_000) seen.add(value);
      const found = dateOrderProof(value);
      if (found) proof[found] = true;
    },
  };
}

/**
 * The page's date order from the proof of all its dates: proof one way decides; proof both ways is
 * a conflict; with no proof the page's language decides (en-US, a bare `en`, and no `lang` on an
 * English page: month first; en-GB, ru, be, de, fr…: day first).
 */
export function decideDateOrder(proofs: Iterable<DateProof>, lang: string, opts: { english?: boolean } = {}): PageDateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const proof of proofs) {
    dayFirst ||= proof.dmy;
    monthFirst ||= proof.mdy;
  }
  if (dayFirst && monthFirst) return { order: langDateOrder(lang, opts.english ?? false), conflict: true };
  if (dayFirst) return { order: 'dmy', conflict: false };
  if (monthFirst) return { order: 'mdy', conflict: false };
  return { order: langDateOrder(lang, opts.english ?? false), conflict: false };
}

/**
 * Decides the page's date order from every date on it: a value valid only day first proves day
 * first and one valid only month first proves month first; with no proof the page's language
 * decides; proof both ways is a conflict. One junk value never flips anything, because an invalid
 * value proves nothing.
 *
 * @example pageDateOrder(['03/04/2026', '23/02/2026'], 'en-US') // { order: 'dmy', conflict: false }
 * @example pageDateOrder(['03/04/2026'], '', { english: true }) // { order: 'mdy', conflict: false }
 */
export function pageDateOrder(values: Iterable<string>, lang: string, opts: { english?: boolean } = {}): PageDateOrder {
  const collector = dateProofCollector();
  for (const value of values) collector.note(value);
  return decideDateOrder([collector.proof], lang, opts);
}

/**
 * Decides how a column's `a/b/yyyy` dates read: a value valid only one way decides; otherwise
 * the page language (en-US: month first). Kept for readers that look at one column; a page
 * reader decides once per page with pageDateOrder.
 */
export function columnDateOrder(values: readonly string[], lang: string): DateOrder {
  return pageDateOrder(values, lang).order;
}

/** en-US, en_US and a bare `en` print month first, and so does an English page with no `lang`; every other language day first. */
function langDateOrder(lang: string, english: boolean): DateOrder {
  const value = lang.trim().toLowerCase();
  if (value === '') return english ? 'mdy' : 'dmy';
  return /^en(?:[-_]us)?$|^en[-_]us\b/.test(value) ? 'mdy' : 'dmy';
}

/**
 * Reads a date in the page's order. A value valid only one way is read that way; one valid both
 * ways follows the page, unless the page's proof conflicts: then it is 'ambiguous' and left out.
 *
 * @example parseDateInOrder('02/14/2026', { order: 'dmy', conflict: true }) // { date: '2026-02-14' }
 * @example parseDateInOrder('02/03/2026', { order: 'dmy', conflict: true }) // 'ambiguous'
 */
export function parseDateInOrder(raw: string, page: PageDateOrder): DateReading | 'ambiguous' {
  const bare = raw.trim().replace(WEEKDAY_PREFIX, '');
  const proof = dateOrderProof(bare);
  if (proof) return parseDate(raw, proof);
  const reading = parseDate(raw, page.order);
  if (!page.conflict || !reading || reading === 'invalid' || !ORDERED.test(bare)) return reading;
  // Valid both ways: only a date that is the same day either way ("05/05/2026") survives a conflict.
  const other = parseDate(raw, page.order === 'dmy' ? 'mdy' : 'dmy');
  return other && other !== 'invalid' && other.date === reading.date ? reading : 'ambiguous';
}

/** A calendar date in local time, with the minute when the page's words are that precise. */
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
/** "3 days ago", "5 d", and Russian with the count left out: "час назад", "неделю назад". */
const AGO = /^(\d+|an?|one)\s*([a-zа-я]+)\.?\s*(ago|назад)?$|^([а-я]+)\s+(назад)$/;
const AHEAD = /^(?:in|через)\s+(\d+|an?|one)\s*([a-zа-я]+)$/;

/** Units whose words say when to the minute; days and longer say only which day. */
const TIMED_UNITS: ReadonlySet<Unit> = new Set(['second', 'minute', 'hour']);

/**
 * Resolves relative page times against the page load time, in the page's local time, as precise
 * as the words: "3 days ago" and "yesterday" are a day, "2 hours ago" a minute, "yesterday at
 * 21:40" that minute.
 *
 * @example parseRelative('yesterday at 21:40', new Date(2026, 2, 10, 12)) // { date: '2026-03-09', time: '21:40' }
 * @example parseRelative('3 дня назад', new Date(2026, 2, 10, 12)) // { date: '2026-03-07' }
 * @example parseRelative('2 hours ago', new Date(2026, 2, 10, 12)) // { date: '2026-03-10', time: '10:00' }
 */
export function parseRelative(raw: string, now: Date): PageDate | undefined {
  const value = fold(raw);
  if (NOW_WORDS.has(value)) return fromLocal(now, true);
  const dayMatch = DAY_AND_TIME.exec(value);
  const dayOffset = dayMatch ? DAY_WORDS.get(dayMatch[1] ?? '') : undefined;
  if (dayMatch && dayOffset !== undefined) {
    const day = shift(now, dayOffset, 'day');
    if (dayMatch[2] === undefined) return fromLocal(day, false);
    let hours = Number(dayMatch[2]);
    if (dayMatch[4] === 'pm' && hours < 12) hours += 12;
    if (dayMatch[4] === 'am' && hours === 12) hours = 0;
    const minutes = Number(dayMatch[3]);
    if (hours > 23 || minutes > 59) return undefined;
    return { date: fromLocal(day, false).date, time: `${pad(hours)}:${pad(minutes)}` };
  }
  const ago = AGO.exec(value);
  const ahead = AHEAD.exec(value);
  const parts = ago
    ? { count: ago[1] ?? '1', word: ago[2] ?? ago[4], sign: -1 }
    : ahead
      ? { count: ahead[1], word: ahead[2], sign: 1 }
      : undefined;
  if (!parts) return undefined;
  // "5 d" needs no "ago" (ERPNext timestamps); a bare "5 days" might be a duration, so it needs one.
  if (ago && ago[1] && !ago[3] && (ago[2] ?? '').length > 2) return undefined;
  const unit = unitOf(parts.word ?? '');
  if (!unit) return undefined;
  const count = /^\d+$/.test(parts.count ?? '') ? Number(parts.count) : 1;
  return fromLocal(shift(now, parts.sign * count, unit), TIMED_UNITS.has(unit));
}

/** An attribute value a machine wrote: epoch seconds or milliseconds, or an ISO date (year first). */
const MACHINE_STAMP = /^(?:\d{10}(?:\.\d+)?|\d{13}|\d{4}-\d{2}-\d{2}(?:[T ].*)?)$/;

/** True when an attribute holds a machine timestamp, which reads the same on every page (no date order). */
export function isMachineTimestamp(raw: string): boolean {
  return MACHINE_STAMP.test(raw.trim());
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
