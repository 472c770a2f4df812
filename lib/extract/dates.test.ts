import { describe, expect, it } from 'vitest';
import { columnDateOrder, parseDate, parseRelative, parseTimestamp, toIso } from './dates';

describe('parseDate', () => {
  it.each([
    ['2026-03-05', 'dmy', '2026-03-05'],
    ['2026-03-05T14:30:00', 'dmy', '2026-03-05T14:30:00'],
    ['2026-03-05T14:30:00Z', 'dmy', '2026-03-05T14:30:00Z'],
    ['2015-01-30T12:00:00+0300', 'dmy', '2015-01-30T12:00:00+03:00'],
    ['05.03.2026', 'mdy', '2026-03-05'],
    ['5.3.26', 'dmy', '2026-03-05'],
    ['05/03/2026', 'dmy', '2026-03-05'],
    ['03/05/2026', 'mdy', '2026-03-05'],
    ['3/5/2026 2:30 PM', 'mdy', '2026-03-05T14:30'],
    ['05.03.2026 14:30', 'dmy', '2026-03-05T14:30'],
    ['2026/03/05', 'mdy', '2026-03-05'],
    ['5 Mar 2026', 'mdy', '2026-03-05'],
    ['05/Mar/2026', 'dmy', '2026-03-05'],
    ['March 5, 2026', 'dmy', '2026-03-05'],
    ['Thu, 5 Mar 2026', 'dmy', '2026-03-05'],
    ['5 марта 2026 г.', 'dmy', '2026-03-05'],
    ['5 мая 2026', 'dmy', '2026-05-05'],
    ['05 мар. 2026', 'dmy', '2026-03-05'],
    ['29.02.2028', 'dmy', '2028-02-29'],
  ] as const)('%s (%s) → %s', (raw, order, expected) => {
    const value = parseDate(raw, order);
    expect(value === 'invalid' || value === undefined ? value : toIso(value)).toBe(expected);
  });

  it.each(['31.02.2026', '13/45/2026', '29.02.2026', '2026-13-01', '05.03.2026 25:00', '31 Apr 2026'])('%s is invalid', (raw) => {
    expect(parseDate(raw, 'dmy')).toBe('invalid');
  });

  it.each(['', 'Paid', '1 234,56', 'INV-2026-001', '3 days', '12 Foo 2026'])('%s is not a date', (raw) => {
    expect(parseDate(raw, 'dmy')).toBeUndefined();
  });
});

describe('columnDateOrder', () => {
  it.each([
    [['03/05/2026'], 'en-US', 'mdy'],
    [['03/05/2026'], 'en_US', 'mdy'],
    [['03/05/2026'], 'en-GB', 'dmy'],
    [['03/05/2026'], 'ru', 'dmy'],
    [['03/05/2026', '13/05/2026'], 'en-US', 'dmy'],
    [['03/05/2026', '03/25/2026'], 'ru', 'mdy'],
  ] as const)('%j in %s → %s', (values, lang, expected) => {
    expect(columnDateOrder(values, lang)).toBe(expected);
  });
});

describe('parseRelative', () => {
  const now = new Date(2026, 2, 10, 12, 0);
  it.each([
    ['3 days ago', '2026-03-07T12:00'],
    ['a day ago', '2026-03-09T12:00'],
    ['2 hours ago', '2026-03-10T10:00'],
    ['yesterday at 21:40', '2026-03-09T21:40'],
    ['Yesterday at 9:40 PM', '2026-03-09T21:40'],
    ['вчера в 21:40', '2026-03-09T21:40'],
    ['сегодня, 09:15', '2026-03-10T09:15'],
    ['3 дня назад', '2026-03-07T12:00'],
    ['5 минут назад', '2026-03-10T11:55'],
    ['5 d', '2026-03-05T12:00'],
    ['In 5 days', '2026-03-15T12:00'],
    ['через 2 дня', '2026-03-12T12:00'],
    ['2 months ago', '2026-01-10T12:00'],
    ['just now', '2026-03-10T12:00'],
  ])('%s → %s', (raw, expected) => {
    const value = parseRelative(raw, now);
    expect(value && toIso(value)).toBe(expected);
  });

  it.each(['3 days', 'Paid', '12', 'yesterday at 25:00'])('%s is not a relative time', (raw) => {
    expect(parseRelative(raw, now)).toBeUndefined();
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['1767225600', '2026-01-01T00:00:00Z'],
    ['1767225600000', '2026-01-01T00:00:00Z'],
    ['2026-03-05 10:22:11.123456', '2026-03-05T10:22:11'],
  ])('%s → %s', (raw, expected) => {
    const value = parseTimestamp(raw);
    expect(value && value !== 'invalid' ? toIso(value) : value).toBe(expected);
  });
});
