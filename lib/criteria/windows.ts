import { tzOffset } from '@date-fns/tz';

/**
 * Calendar-day arithmetic for the criteria. Calendar dates ('yyyy-MM-dd') become day numbers
 * (days since 1970-01-01), so a window test is one comparison and a daylight-saving day still
 * counts as one day. "Today" is the calendar date of `now` in the user's time zone.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The digit at `index` of `text`, or NaN. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date: pure arithmetic on year, month and day
 * (the "days from civil" method), so no machine zone, DST night or memo can change it.
 */
export function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Day number of a calendar date ('yyyy-MM-dd', or the date part of an ISO date-time); NaN if
 * invalid. Read in place from the digits: the thousands of ticket times of a history cost no
 * string copies, no Date and no hashing.
 *
 * @example dayNumber('1970-01-02') // 1
 * @example dayNumber('2026-02-29') // NaN
 */
export function dayNumber(date: string): number {
  if (date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN; // '-'
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  return civilDay(year, month, day);
}

/** The calendar date ('yyyy-MM-dd') of a day number: the inverse of `civilDay`, also pure arithmetic. */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The zone this browser runs in, for when the user set none. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The user's calendar date of an ISO instant, in `timeZone` (an instant with no zone is already
 * local and keeps its date).
 *
 * @example localDate('2026-02-20T12:00:00Z', 'Pacific/Kiritimati') // '2026-02-21'
 */
export function localDate(iso: string, timeZone: string): string {
  return dateOfDay(zoneClock(timeZone).dayOf(iso));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Reads instants and wall-clock times in one time zone. */
export type ZoneClock = {
  timeZone: string;
  /**
   * The calendar day number, in the zone, of an ISO 8601 string. One with a zone ('Z',
   * '+03:00') is an instant and is converted; one without is already local wall-clock time and
   * is read as written. NaN when unreadable.
   */
  dayOf(iso: string): number;
  /**
   * The minute of the day (0–1439) the user's wall clock showed, read the same way: a ticket
   * written at 21:30 local stays at 21:30 whatever the machine's zone, even on a DST night.
   * Null for a date alone or an unreadable time.
   */
  minuteOf(iso: string): number | null;
};

const clocks = new Map<string, ZoneClock>();
const OFFSET_SLOTS = 1 << 15;

/**
 * The clock of a time zone, shared by every evaluation in it. Zone offsets come from
 * @date-fns/tz and are cached per UTC hour: today's zones change their offset on whole UTC hours
 * (a transition off the hour, seen only in old or exotic rules, would be misread within that one
 * hour), so converting thousands of ticket times costs an array look-up each, not a TZDate. Separate day and
 * minute readers keep the per-ticket path free of allocations; the minute is read only for the
 * tickets whose hour matters.
 */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock) return clock;
  // Direct-mapped cache of offsets (minutes) by UTC hour: 2^15 slots hold 3.7 years of hours.
  const hours = new Int32Array(OFFSET_SLOTS).fill(-1);
  const offsets = new Int32Array(OFFSET_SLOTS);
  /** Milliseconds since the epoch as the zone's wall clock reads them. */
  const local = (ms: number): number => {
    const hour = Math.floor(ms / HOUR_MS);
    const slot = hour & (OFFSET_SLOTS - 1);
    if (hours[slot] !== hour) {
      hours[slot] = hour;
      offsets[slot] = tzOffset(timeZone, new Date(hour * HOUR_MS));
    }
    return ms + offsets[slot]! * 60_000;
  };
  clock = {
    timeZone,
    dayOf(iso) {
      if (!hasZone(iso)) return dayNumber(iso);
      const ms = instantOf(iso);
      return Number.isNaN(ms) ? Number.NaN : Math.floor(local(ms) / DAY_MS);
    },
    minuteOf(iso) {
      if (!hasZone(iso)) return wallClockMinute(iso);
      const ms = instantOf(iso);
      if (Number.isNaN(ms)) return null;
      const wall = local(ms);
      return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / 60_000);
    },
  };
  clocks.set(timeZone, clock);
  return clock;
}

/** True when an ISO date-time names its zone after the time: 'Z', '±hh:mm', '±hhmm' or '±hh'. */
function hasZone(iso: string): boolean {
  const n = iso.length;
  if (n <= 16) return false;
  const last = iso.charCodeAt(n - 1);
  if (last === 90 || last === 122) return true; // 'Z' | 'z'
  return isSign(iso.charCodeAt(n - 6)) || isSign(iso.charCodeAt(n - 5)) || isSign(iso.charCodeAt(n - 3));
}

function isSign(code: number): boolean {
  return code === 43 || code === 45; // '+' | '-'
}

/**
 * Epoch milliseconds of an ISO instant. The layout helpdesk APIs give ('yyyy-MM-ddTHH:mm:ss',
 * optional fraction, 'Z' or '±hh:mm') is read in place, to the second, on the memoised day
 * number; anything else goes to Date.parse. NaN when unreadable.
 */
function instantOf(iso: string): number {
  const n = iso.length;
  const last = iso.charCodeAt(n - 1);
  const utc = last === 90 || last === 122;
  const sign = utc ? 0 : iso.charCodeAt(n - 6) === 43 ? 1 : iso.charCodeAt(n - 6) === 45 ? -1 : Number.NaN;
  if (iso.charCodeAt(10) !== 84 || iso.charCodeAt(16) !== 58 || Number.isNaN(sign) || (!utc && iso.charCodeAt(n - 3) !== 58)) return Date.parse(iso);
  const hours = digit(iso, 11) * 10 + digit(iso, 12);
  const minutes = digit(iso, 14) * 10 + digit(iso, 15);
  const seconds = digit(iso, 17) * 10 + digit(iso, 18);
  if (!(hours <= 23 && minutes <= 59 && seconds <= 59)) return Date.parse(iso);
  const wall = dayNumber(iso) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const offset = utc ? 0 : sign * ((digit(iso, n - 5) * 10 + digit(iso, n - 4)) * 60 + digit(iso, n - 2) * 10 + digit(iso, n - 1)) * 60_000;
  return Number.isNaN(wall) || Number.isNaN(offset) ? Date.parse(iso) : wall - offset;
}

/** Minute of the day of 'yyyy-MM-ddTHH:mm…' as written; null for a date alone or an unreadable time. */
function wallClockMinute(iso: string): number | null {
  if (iso.length < 16 || iso.charCodeAt(13) !== 58) return null; // ':'
  const hours = digit(iso, 11) * 10 + digit(iso, 12);
  const minutes = digit(iso, 14) * 10 + digit(iso, 15);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : null;
}

/** "In the last N days", counting back from today, both ends included. */
export function inLastDays(day: number, today: number, days: number): boolean {
  return day <= today && day >= today - days;
}

/** Half-open window (today − from, today − to]: "the last 90 days" is (today − 90, today]. */
export function inRange(day: number, today: number, from: number, to: number): boolean {
  return day > today - from && day <= today - to;
}

/** Minutes since midnight of 'HH:mm'. */
export function minuteOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
