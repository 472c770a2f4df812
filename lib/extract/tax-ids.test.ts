import { describe, expect, it } from 'vitest';
import { isTaxLabel, taxIdInText, taxIdOf } from './tax-ids';

describe('a tax id after its label, with or without a colon', () => {
  it.each([
    ['УНП 190123456', '190123456'],
    ['УНП: 190123456', '190123456'],
    ['УНП:190123456', '190123456'],
    ['ООО «ТрейдСофт» · УНП 192000111', '192000111'],
    ['ИНН 7701234567 · КПП 770101001 · Москва', '7701234567'],
    ['ИНН: 500100732259', '500100732259'],
    ['ИНН/КПП 7701234567/770101001', '7701234567'],
    ['VAT GB123456789 · Company no. 08412345', 'GB123456789'],
    ['VAT: GB123456789', 'GB123456789'],
    ['VAT no: GB998877665', 'GB998877665'],
    ['VAT No. DE123456789', 'DE123456789'],
    ['VAT reg. GB123000111', 'GB123000111'],
    ['Tax ID (VAT) IE6388047V', 'IE6388047V'],
    // Not tax ids: a company number, a VAT rate, too few digits, a line about VAT.
    ['Company no. 08412345', undefined],
    ['VAT 20%', undefined],
    ['УНП 12345', undefined],
    ['ИНН 123', undefined],
    ['Invoice PDF missing VAT line', undefined],
    ['КПП 770101001', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(taxIdInText(raw)).toBe(expected);
  });

  it.each([
    ['190 123 456', 'УНП', '190123456'],
    ['1901234567', 'УНП', undefined],
    ['7701234567/770101001', 'ИНН/КПП', '7701234567'],
    ['77012345', 'ИНН', undefined],
    ['gb 123 456 789', 'VAT number', 'GB123456789'],
  ])('%s labelled %s → %s', (value, label, expected) => {
    expect(taxIdOf(value, label)).toBe(expected);
  });

  it.each([
    ['УНП', true],
    ['ИНН:', true],
    ['Tax ID (VAT)', true],
    ['VAT reg. no', true],
    ['Company no.', false],
    ['Телефон', false],
  ])('%s is a tax label: %s', (label, expected) => {
    expect(isTaxLabel(label)).toBe(expected);
  });
});
