import { describe, expect, it } from 'vitest';
import { columnAmountReader, currencyOf, parseAmount } from './amounts';

describe('parseAmount', () => {
  it.each([
    ['$1,234.56', 1234.56, 'USD'],
    ['$ 1,234.56', 1234.56, 'USD'],
    ['1 234,56 ₽', 1234.56, 'RUB'],
    ['1\u00a0234,56\u00a0₽', 1234.56, 'RUB'],
    ['1.234,56 €', 1234.56, 'EUR'],
    ['BYN 1 234,56', 1234.56, 'BYN'],
    ['1 234,56 бел. руб.', 1234.56, 'BYN'],
    ['Br 300,00', 300, 'BYN'],
    ['12 500,00 руб.', 12500, 'RUB'],
    ['500 р.', 500, 'RUB'],
    ['1 200 RUB', 1200, 'RUB'],
    ['(123.00)', -123, undefined],
    ['-$50.00', -50, 'USD'],
    ['−1 000,00 ₽', -1000, 'RUB'],
    ['1,234', 1234, undefined],
    ['1,5', 1.5, undefined],
    ['0,125', 0.125, undefined],
    ['1,234,567.89 USD', 1234567.89, 'USD'],
    ["1'234.50 CHF", 1234.5, 'CHF'],
    ['£99', 99, 'GBP'],
    ['200.00', 200, undefined],
  ])('%s → %d %s', (raw, value, currency) => {
    expect(parseAmount(raw)).toEqual(currency ? { value, currency } : { value });
  });

  it.each(['12,34,5', '1.2.3,4,5', '12abc', '$1,23,4.5.6'])('%s is invalid', (raw) => {
    expect(parseAmount(raw)).toBe('invalid');
  });

  it.each(['', 'Paid', '—'])('%s has no amount', (raw) => {
    expect(parseAmount(raw)).toBeUndefined();
  });
});

describe('currencyOf', () => {
  it.each([
    ['Amount (USD)', 'USD'],
    ['Сумма, руб.', 'RUB'],
    ['Сумма, ₽', 'RUB'],
    ['Amount', undefined],
    ['Status', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(currencyOf(raw)).toBe(expected);
  });
});

describe('columnAmountReader: the format decided once per column, read as parseAmount reads', () => {
  // Columns as pages print them, with the odd value that does not fit the column's format.
  it.each([
    [['$0.00', '$13.37', '$1,234.56', '$1,234', '$12,34', '$0.123', '-$50.00', '($7.00)', '$1,234,567.89', 'n/a', '$ 5.00', '12abc']],
    [['1 234,56 ₽', '12 000 ₽', '1.234 ₽', '0,5 ₽', '0.123 ₽', '1 000,00 руб.', '(123,00) ₽', '−1 000,00 ₽', '7 890 руб.']],
    [['BYN 2 100,00', 'BYN 0,00', 'BYN 1 250,50', 'BYN 1 250', 'USD 5,00']],
    [['200.00', '1,234', '1,5', '0,125', '1.234,56 €', '12']],
    [['£99', '£3,480.00', '£1,000', '£0.5']],
  ])('%j', (values) => {
    const read = columnAmountReader();
    for (const value of [...values, ...values]) expect(read(value)).toEqual(parseAmount(value));
  });
});
