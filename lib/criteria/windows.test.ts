import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, inLastDays, inRange, isoWeekday, localDate, zoneClock } from './windows';

const EPOCH = parseISO('1970-01-01');
const ZONES = ['Europe/Minsk', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'];
/** Instants from 1990 to 2040, to the second. */
const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((s) => new Date(s * 1000));

describe('dayNumber', () => {
  it('agrees with date-fns on every date, its weekday too', () => {
    fc.assert(
      fc.property(instant, (date) => {
        const day = format(date, 'yyyy-MM-dd');
        expect(dayNumber(day)).toBe(differenceInCalendarDays(parseISO(day), EPOCH));
        expect(dayNumber(`${day}T23:59:00`)).toBe(dayNumber(day));
        expect(isoWeekday(dayNumber(day))).toBe(getISODay(parseISO(day)));
      }),
    );
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '26-01-01', 'yesterday', '', '2026/01/01'])('is NaN for %j', (text) => {
    expect(dayNumber(text)).toBeNaN();
  });

  it('handles dates outside the memo years', () => {
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2200-01-01')).toBe(differenceInCalendarDays(parseISO('2200-01-01'), EPOCH));
  });
});

describe('zoneClock', () => {
  it('reads an instant as the zone wall clock does (TZDate)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom('Z', '+03:00', '-05:30'), (date, zone, suffix) => {
        const offsetMinutes = suffix === 'Z' ? 0 : (suffix.startsWith('-') ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4)));
        const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
        const iso = `${shifted}${suffix}`;
        const zoned = new TZDate(date.getTime(), zone);
        const clock = zoneClock(zone);
        expect(clock.dayOf(iso)).toBe(dayNumber(format(zoned, 'yyyy-MM-dd')));
        expect(clock.minuteOf(iso)).toBe(zoned.getHours() * 60 + zoned.getMinutes());
      }),
    );
  });

  it.each([
    ['wall-clock time is read as written', '2026-03-29T02:30:00', '2026-03-29', 150],
    ['a date alone has no minute', '2026-03-29', '2026-03-29', null],
    ['fractional seconds', '2026-10-25T02:30:00.250', '2026-10-25', 150],
    ['other instant layouts go through Date.parse', '2026-03-29T01:30Z', '2026-03-29', 210],
  ])('%s', (_name, iso, day, minute) => {
    const clock = zoneClock('Europe/Berlin');
    expect(clock.dayOf(iso)).toBe(dayNumber(day));
    expect(clock.minuteOf(iso)).toBe(minute);
  });

  it('gives NaN / null for unreadable times', () => {
    expect(zoneClock('UTC').dayOf('not a dateZ and more')).toBeNaN();
    expect(zoneClock('UTC').minuteOf('2026-01-01T25:00:00')).toBeNull();
  });
});

describe('windows', () => {
  const today = dayNumber('2026-11-27');
  it.each([
    [0, true],
    [90, true],
    [91, false],
    [-1, false],
  ])('inLastDays(90): %i days ago → %s (both ends included)', (ago, inside) => {
    expect(inLastDays(today - ago, today, 90)).toBe(inside);
  });

  it.each([
    [0, true, false],
    [89, true, false],
    [90, false, true],
    [179, false, true],
    [180, false, false],
  ])('scope-creep windows: %i days ago → last 90 %s, the 90 before %s (half-open)', (ago, last, before) => {
    expect(inRange(today - ago, today, 90, 0)).toBe(last);
    expect(inRange(today - ago, today, 180, 90)).toBe(before);
  });
});

describe('calendar days are arithmetic, never the machine zone', () => {
  it('dayNumber and dateOfDay agree with UTC calendar arithmetic for any date (1600–2400)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1600, 0, 1) / 86_400_000, max: Date.UTC(2400, 11, 31) / 86_400_000 }), (day) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(date)).toBe(day);
        expect(dateOfDay(day)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-10', 'junk'])('%s is no date', (date) => {
    expect(dayNumber(date)).toBeNaN();
  });

  it('gives the same day whatever the machine zone is, read after read', () => {
    const before = process.env.TZ;
    try {
      const days = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Minsk'].map((zone) => {
        process.env.TZ = zone;
        return [dayNumber('2026-03-29'), dayNumber('2026-10-25'), localDate('2026-03-29T22:30:00Z', 'Europe/Minsk')];
      });
      for (const day of days) expect(day).toEqual([20_541, 20_751, '2026-03-30']);
    } finally {
      process.env.TZ = before;
    }
  });
});
