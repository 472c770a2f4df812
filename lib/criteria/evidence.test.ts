import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../i18n';
import type { Lang } from '../model';
import { makeContext } from './context';
import { countText, moneyText, numberText, percentText } from './evidence';

const ctxOf = (lang: Lang) => makeContext({ settings: { language: lang, timeZone: 'UTC' } });

describe('evidence texts', () => {
  it('formats numbers and money exactly as lib/i18n does', () => {
    fc.assert(
      fc.property(fc.constantFrom<Lang>('en', 'ru'), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(undefined, 'EUR', 'BYN', 'RUB', 'XYZ', 'eur'), (lang, n, currency) => {
        expect(numberText(ctxOf(lang), n)).toBe(formatNumber(lang, n));
        expect(moneyText(ctxOf(lang), n, currency)).toBe(formatMoney(lang, n, currency));
      }),
    );
  });

  it.each([
    ['en', 1, 'ticket', '1 ticket'],
    ['en', 0, 'ticket', '0 tickets'],
    ['ru', 1, 'ticket', '1 обращение'],
    ['ru', 3, 'ticket', '3 обращения'],
    ['ru', 5, 'ticket', '5 обращений'],
    ['ru', 21, 'workItem', '21 задача'],
    ['ru', 1234, 'workItem', '1\u00a0234 задачи'],
  ] as const)('countText(%s, %i) → %s', (lang, n, forms, text) => {
    expect(countText(ctxOf(lang), n, forms)).toBe(text);
  });

  it('writes percents the way each language does', () => {
    expect(percentText(ctxOf('en'), 0.295)).toBe('30%');
    expect(percentText(ctxOf('ru'), 0.4)).toBe('40 %');
  });
});
