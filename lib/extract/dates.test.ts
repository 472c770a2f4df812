import { describe, expect, it } from 'vitest';
import {
  columnDateOrder,
  dateOrderProof,
  dateProofCollector,
  decideDateOrder,
  isMachineTimestamp,
  pageDateOrder,
  parseDate,
  parseDateInOrder,
  parseRelative,
  parseTimestamp,
  toIso,
} from './dates';

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
    // Invalid either way: proves nothing, flips nothing.
    [['03/05/2026', '31/02/2026'], 'en-US', 'mdy'],
  ] as const)('%j in %s → %s', (values, lang, expected) => {
    expect(columnDateOrder(values, lang)).toBe(expected);
  });
});

describe('dateOrderProof: only a value valid one way proves the order', () => {
  it.each([
    ['13/02/2026', 'dmy'],
    ['12/02/2026', undefined],
    ['02/13/2026', 'mdy'],
    ['02/12/2026', undefined],
    ['31/01/2026', 'dmy'],
    ['01/31/2026', 'mdy'],
    ['29/02/2028', 'dmy'],
    ['02/29/2028', 'mdy'],
    // Invalid both ways: no proof.
    ['29/02/2027', undefined],
    ['31/02/2026', undefined],
    ['02/30/2026', undefined],
    ['00/00/0000', undefined],
    ['13/13/2026', undefined],
    ['23-02-2026', 'dmy'],
    ['2/23/26', 'mdy'],
    ['23/02/2026 10:15', 'dmy'],
    // Dots are always day first; ISO and month names read one way only: none of them proves a slash order.
    ['23.02.2026', undefined],
    ['2026-02-23', undefined],
    ['23 Feb 2026', undefined],
    ['23 февраля 2026 г.', undefined],
    ['n/a', undefined],
  ] as const)('%s → %s', (raw, expected) => {
    expect(dateOrderProof(raw)).toBe(expected);
  });
});

describe('pageDateOrder: once per page, from every valid date; lang breaks a tie', () => {
  it.each([
    // No proof: the language decides.
    [['03/04/2026'], 'en-US', true, 'mdy', false],
    [['03/04/2026'], 'en_US', true, 'mdy', false],
    [['03/04/2026'], 'en', true, 'mdy', false],
    [['03/04/2026'], 'EN', true, 'mdy', false],
    [['03/04/2026'], '', true, 'mdy', false],
    [['03/04/2026'], '', false, 'dmy', false],
    [['03/04/2026'], 'en-GB', true, 'dmy', false],
    [['03/04/2026'], 'en-IE', true, 'dmy', false],
    [['03/04/2026'], 'ru', false, 'dmy', false],
    [['03/04/2026'], 'ru-RU', false, 'dmy', false],
    [['03/04/2026'], 'be', false, 'dmy', false],
    [['03/04/2026'], 'de', false, 'dmy', false],
    [['03/04/2026'], 'fr', false, 'dmy', false],
    // One value valid only one way decides for the whole page, against the language.
    [['03/04/2026', '23/02/2026'], 'en-US', true, 'dmy', false],
    [['03/04/2026', '02/27/2026'], 'en-GB', true, 'mdy', false],
    [['03/04/2026', '02/27/2026'], 'ru', false, 'mdy', false],
    // Junk proves nothing.
    [['03/04/2026', '31/02/2026', '00/00/0000', 'n/a', '—'], 'en-US', true, 'mdy', false],
    [['03/04/2026', '02/30/2026'], 'en-GB', true, 'dmy', false],
    // Proof both ways: a conflict.
    [['13/02/2026', '02/14/2026', '03/04/2026'], 'en', true, 'mdy', true],
    [['13/02/2026', '02/14/2026'], 'ru', false, 'dmy', true],
  ] as const)('%j, lang "%s" (English %s) → %s, conflict %s', (values, lang, english, order, conflict) => {
    expect(pageDateOrder(values, lang, { english })).toEqual({ order, conflict });
  });

  it('decides from proof noted list by list, each distinct value once', () => {
    const first = dateProofCollector();
    const second = dateProofCollector();
    for (const value of ['03/04/2026', '03/04/2026', '13/04/2026']) first.note(value);
    second.note('04/03/2026');
    expect(first.proof).toEqual({ dmy: true, mdy: false });
    expect(decideDateOrder([first.proof, second.proof], 'en-US')).toEqual({ order: 'dmy', conflict: false });
    second.note('04/23/2026');
    expect(decideDateOrder([first.proof, second.proof], 'en-US')).toEqual({ order: 'mdy', conflict: true });
  });
});

describe('parseDateInOrder', () => {
  const dmy = { order: 'dmy', conflict: false } as const;
  const mdy = { order: 'mdy', conflict: false } as const;
  const conflict = { order: 'mdy', conflict: true } as const;
  it.each([
    ['03/04/2026', dmy, '2026-04-03'],
    ['03/04/2026', mdy, '2026-03-04'],
    // Valid only one way: read that way, whatever the page.
    ['23/02/2026', mdy, '2026-02-23'],
    ['02/23/2026', dmy, '2026-02-23'],
    // Conflicting proof: an ambiguous date is dropped, an unambiguous one kept, the same day either way kept.
    ['03/04/2026', conflict, 'ambiguous'],
    ['13/02/2026', conflict, '2026-02-13'],
    ['02/14/2026', conflict, '2026-02-14'],
    ['05/05/2026', conflict, '2026-05-05'],
    ['03.04.2026', conflict, '2026-04-03'],
    ['2026-03-04', conflict, '2026-03-04'],
    ['31/02/2026', dmy, 'invalid'],
    ['Paid', dmy, undefined],
  ] as const)('%s in %j → %s', (raw, order, expected) => {
    const value = parseDateInOrder(raw, order);
    expect(typeof value === 'object' ? toIso(value) : value).toBe(expected);
  });
});

describe('parseRelative', () => {
  const now = new Date(2026, 2, 10, 12, 0);
  it.each([
    ['3 days ago', '2026-03-07'],
    ['a day ago', '2026-03-09'],
    ['2 hours ago', '2026-03-10T10:00'],
    ['yesterday at 21:40', '2026-03-09T21:40'],
    ['Yesterday at 9:40 PM', '2026-03-09T21:40'],
    ['вчера в 21:40', '2026-03-09T21:40'],
    ['сегодня, 09:15', '2026-03-10T09:15'],
    ['3 дня назад', '2026-03-07'],
    ['5 минут назад', '2026-03-10T11:55'],
    ['5 d', '2026-03-05'],
    ['In 5 days', '2026-03-15'],
    ['через 2 дня', '2026-03-12'],
    ['2 months ago', '2026-01-10'],
    ['just now', '2026-03-10T12:00'],
  ])('%s → %s', (raw, expected) => {
    const value = parseRelative(raw, now);
    expect(value && toIso(value)).toBe(expected);
  });

  it.each(['3 days', 'Paid', '12', 'yesterday at 25:00'])('%s is not a relative time', (raw) => {
    expect(parseRelative(raw, now)).toBeUndefined();
  });

  // As precise as the words: minutes and hours give the minute, days and longer the day only.
  it.each([
    ['just now', '2026-03-10T12:00'],
    ['только что', '2026-03-10T12:00'],
    ['30 seconds ago', '2026-03-10T11:59'],
    ['1 minute ago', '2026-03-10T11:59'],
    ['59 минут назад', '2026-03-10T11:01'],
    ['an hour ago', '2026-03-10T11:00'],
    ['1 час назад', '2026-03-10T11:00'],
    ['23 hours ago', '2026-03-09T13:00'],
    ['12 часов назад', '2026-03-10T00:00'],
    ['24 hours ago', '2026-03-09T12:00'],
    ['today', '2026-03-10'],
    ['сегодня', '2026-03-10'],
    ['today 09:14', '2026-03-10T09:14'],
    ['сегодня в 09:15', '2026-03-10T09:15'],
    ['yesterday', '2026-03-09'],
    ['вчера', '2026-03-09'],
    ['позавчера', '2026-03-08'],
    ['yesterday at 21:40', '2026-03-09T21:40'],
    ['вчера в 21:40', '2026-03-09T21:40'],
    ['1 day ago', '2026-03-09'],
    ['1 день назад', '2026-03-09'],
    ['3d', '2026-03-07'],
    ['2 weeks ago', '2026-02-24'],
    ['2 недели назад', '2026-02-24'],
    ['a month ago', '2026-02-10'],
    ['месяц назад', '2026-02-10'],
    ['час назад', '2026-03-10T11:00'],
    ['минуту назад', '2026-03-10T11:59'],
    ['неделю назад', '2026-03-03'],
    ['1 месяц назад', '2026-02-10'],
    ['a year ago', '2025-03-10'],
    ['2 года назад', '2024-03-10'],
  ])('%s → %s', (raw, expected) => {
    const value = parseRelative(raw, now);
    expect(value && toIso(value)).toBe(expected);
  });

  it('counts calendar days, not 24-hour days, across a month end and a leap day', () => {
    expect(parseRelative('1 day ago', new Date(2028, 2, 1, 0, 30))).toEqual({ date: '2028-02-29' });
    expect(parseRelative('a month ago', new Date(2026, 2, 31, 9))).toEqual({ date: '2026-02-28' });
    expect(parseRelative('3 дня назад', new Date(2026, 0, 2, 23, 59))).toEqual({ date: '2025-12-30' });
  });
});

describe('times as written', () => {
  it.each([
    ['2026-03-07T11:05:09.250Z', '2026-03-07T11:05:09.250Z'],
    ['2026-03-09T21:03:10.512Z', '2026-03-09T21:03:10.512Z'],
    ['2026-02-27T10:00:05.000Z', '2026-02-27T10:00:05.000Z'],
    ['2026-03-07T14:05:00+03:00', '2026-03-07T14:05:00+03:00'],
    ['2026-03-07T14:05:00-0500', '2026-03-07T14:05:00-05:00'],
    ['2026-03-07 14:05', '2026-03-07T14:05'],
  ])('datetime %s keeps milliseconds and zone: %s', (raw, expected) => {
    const value = parseTimestamp(raw);
    expect(value && value !== 'invalid' ? toIso(value) : value).toBe(expected);
  });

  it.each([
    ['Mar 9, 2026 4:10 PM', '2026-03-09T16:10'],
    ['Mar 9, 2026 12:05 PM', '2026-03-09T12:05'],
    ['Mar 9, 2026 12:05 AM', '2026-03-09T00:05'],
    ['03/09/2026 9:40 pm', '2026-03-09T21:40'],
    ['27.02.2026 9:05:00', '2026-02-27T09:05:00'],
  ])('%s → %s', (raw, expected) => {
    const value = parseDate(raw, 'mdy');
    expect(value && value !== 'invalid' ? toIso(value) : value).toBe(expected);
  });

  it.each([
    ['2026-03-07T11:05:09Z', true],
    ['1767225600', true],
    ['1767225600000', true],
    ['03/04/2026', false],
    ['04.03.2026 10:00', false],
  ])('%s is a machine timestamp: %s', (raw, expected) => {
    expect(isMachineTimestamp(raw)).toBe(expected);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['1767225600', '2026-01-01T00:00:00Z'],
    ['1767225600000', '2026-01-01T00:00:00Z'],
    ['2026-03-05 10:22:11.123456', '2026-03-05T10:22:11.123456'],
  ])('%s → %s', (raw, expected) => {
    const value = parseTimestamp(raw);
    expect(value && value !== 'invalid' ? toIso(value) : value).toBe(expected);
  });
});
