import { differenceInCalendarDays, parseISO } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/**
 * Calendar-day arithmetic for the criteria. Calendar dates ('yyyy-MM-dd') become day numbers
 * (days since 1970-01-01), so a window test is one comparison and a daylight-saving day still
 * counts as one day. "Today" is the calendar date of `now` in the user's time zone.
 */

const EPOCH = parseISO('1970-01-01');
const dayCache = new Map<string, number>();

/** Day number of a calendar date ('yyyy-MM-dd', or the date part of an ISO date-time); NaN if invalid. */
export function dayNumber(date: string): number {
  const day = date.slice(0, 10);
  let value = dayCache.get(day);
  if (value === undefined) {
    const parsed = parseISO(day);
    value = Number.isNaN(parsed.getTime()) ? Number.NaN : differenceInCalendarDays(parsed, EPOCH);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(day, value);
  }
  return value;
}

/** The day number of `now`'s calendar date in `timeZone`. */
export function todayNumber(now: Date, timeZone: string): number {
  const zoned = new TZDate(now.getTime(), timeZone);
  return differenceInCalendarDays(new Date(zoned.getFullYear(), zoned.getMonth(), zoned.getDate()), EPOCH);
}

/** "In the last N days", counting back from today, both ends included. */
export function inLastDays(day: number, today: number, days: number): boolean {
  return day <= today && day >= today - days;
}

/** Half-open window (today − from, today − to]: "the last 90 days" is (today − 90, today]. */
export function inRange(day: number, today: number, from: number, to: number): boolean {
  return day > today - from && day <= today - to;
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
