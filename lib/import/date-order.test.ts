import { describe, expect, it } from 'vitest';
import { fileDateOrder, readFileDate } from './date-order';

describe('fileDateOrder', () => {
  it.each([
    ['a value valid only day first', ['01/02/2026', '25/03/2026'], false, { order: 'dmy', conflict: false }],
    ['a value valid only month first', ['01/02/2026', '03/25/2026'], true, { order: 'mdy', conflict: false }],
    ['no proof, English headers', ['01/02/2026', '03/04/2026'], false, { order: 'mdy', conflict: false }],
    ['no proof, Cyrillic headers', ['01/02/2026', '03/04/2026'], true, { order: 'dmy', conflict: false }],
    ['dotted dates prove nothing', ['25.03.2026', '03/04/2026'], false, { order: 'mdy', conflict: false }],
    ['ISO dates prove nothing', ['2026-03-25'], true, { order: 'dmy', conflict: false }],
    ['invalid values prove nothing', ['32/13/2026', '01/02/2026'], false, { order: 'mdy', conflict: false }],
    ['proof both ways', ['25/03/2026', '03/25/2026'], false, { order: 'mdy', conflict: true }],
    ['dashes as separators', ['13-01-2026'], false, { order: 'dmy', conflict: false }],
  ])('%s', (_, values, cyrillic, expected) => {
    expect(fileDateOrder(values, cyrillic)).toEqual(expected);
  });
});

describe('readFileDate', () => {
  const conflict = { order: 'dmy', conflict: true } as const;
  it.each([
    ['03/04/2026', conflict, 'ambiguous'],
    ['05/05/2026', conflict, { date: '2026-05-05' }],
    ['25/03/2026', conflict, { date: '2026-03-25' }],
    ['03/25/2026', conflict, { date: '2026-03-25' }],
    ['31/31/2026', conflict, 'invalid'],
    ['03/04/2026', { order: 'mdy', conflict: false }, { date: '2026-03-04' }],
    ['03/04/2026', { order: 'dmy', conflict: false }, { date: '2026-04-03' }],
    ['5 марта 2026 г.', { order: 'mdy', conflict: false }, { date: '2026-03-05' }],
  ] as const)('%s in %j is %j', (value, order, expected) => {
    expect(readFileDate(value, order)).toEqual(expected);
  });
});
