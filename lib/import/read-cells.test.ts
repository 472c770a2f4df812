import { describe, expect, it } from 'vitest';
import { msJsonDate, readDateCell, readMoneyCell, type CellContext } from './read-cells';
import { ImportReport } from './report';

const context = (): CellContext => ({ order: { order: 'dmy', conflict: false }, now: new Date(2026, 2, 10, 12), report: new ImportReport(), ambiguousDates: 0 });

describe('msJsonDate', () => {
  it.each([
    ['/Date(1508976000000+0000)/', { date: '2017-10-26' }],
    ['/Date(1508976000000)/', { date: '2017-10-26' }],
    // 2017-10-25T22:00Z written at +0300 is 26 October, 01:00 there.
    ['/Date(1508968800000+0300)/', { date: '2017-10-26', time: '01:00:00', zone: '+03:00' }],
    ['/Date(1508976000000-0500)/', { date: '2017-10-25', time: '19:00:00', zone: '-05:00' }],
    ['2017-10-26', undefined],
    ['/Date(abc)/', undefined],
  ])('%s', (raw, expected) => {
    expect(msJsonDate(raw)).toEqual(expected);
  });
});

describe('readDateCell and readMoneyCell', () => {
  it.each([
    [{ date: '2026-03-05' }, { date: '2026-03-05' }],
    ['05.03.2026', { date: '2026-03-05' }],
    ['/Date(1508976000000+0000)/', { date: '2017-10-26' }],
    ['', undefined],
    [45000, undefined],
  ])('date %j → %j', (cell, expected) => {
    expect(readDateCell(cell, context(), 'due date')).toEqual(expected);
  });

  it.each([
    [1234.5, { value: 1234.5 }],
    ['1 234,56 ₽', { value: 1234.56, currency: 'RUB' }],
    ['—', undefined],
    [{ date: '2026-03-05' }, undefined],
  ])('money %j → %j', (cell, expected) => {
    expect(readMoneyCell(cell, context(), 'amount')).toEqual(expected);
  });
});
