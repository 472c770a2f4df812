import { describe, expect, it } from 'vitest';
import { isDateFormat, serialDate } from './excel-dates';

describe('serialDate', () => {
  it.each([
    [1, false, { date: '1900-01-01' }],
    [59, false, { date: '1900-02-28' }],
    [60, false, 'invalid'], // 29 February 1900, Lotus 1-2-3's leap-year bug: no such day
    [61, false, { date: '1900-03-01' }],
    [45000, false, { date: '2023-03-15' }],
    [46082, false, { date: '2026-03-01' }],
    [46082.5, false, { date: '2026-03-01', time: '12:00:00' }],
    [46082.999999999, false, { date: '2026-03-02' }], // rounds into the next day, never "24:00:00"
    [0, true, { date: '1904-01-01' }],
    [44620, true, { date: '2026-03-01' }], // the 1904 system is 1,462 days behind
    [0, false, 'invalid'],
    [-5, false, 'invalid'],
    [3_000_000, false, 'invalid'],
    [Number.NaN, false, 'invalid'],
  ])('serial %s (1904 system: %s) is %j', (serial, date1904, expected) => {
    expect(serialDate(serial, date1904)).toEqual(expected);
  });
});

describe('isDateFormat', () => {
  it.each([
    [14, undefined, true],
    [22, undefined, true],
    [0, undefined, false],
    [4, undefined, false],
    [164, 'dd\\.mm\\.yyyy', true],
    [164, '[$-409]mmm d, yyyy', true],
    [164, 'yyyy-mm-dd hh:mm', true],
    [164, '#,##0.00 "дн."', false],
    [164, '[Red]#,##0.00', false],
    [164, '[$€-407] #,##0.00', false],
    [164, 'General', false],
    [164, '0.00_);(0.00)', false],
  ])('format %s %j shows a date: %s', (id, code, expected) => {
    expect(isDateFormat(id, code)).toBe(expected);
  });
});
