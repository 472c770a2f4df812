import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';

describe('readCsv', () => {
  it.each([
    ['commas', 'Invoice,Client,Amount\nINV-1,Acme,10.00', ',', ['INV-1', 'Acme', '10.00']],
    ['semicolons with decimal commas', 'Счет;Клиент;Сумма\nСЧ-1;Ромашка;1 234,56\nСЧ-2;Альфа;7,50', ';', ['СЧ-2', 'Альфа', '7,50']],
    ['tabs', 'Invoice\tClient\tAmount\nINV-1\tAcme, Inc.\t10.00', '\t', ['INV-1', 'Acme, Inc.', '10.00']],
    ['a preamble line first', 'Report of March\n\nInvoice;Client;Amount\nINV-1;Acme;10', ';', ['INV-1', 'Acme', '10']],
    ['quoted fields with delimiters, quotes and line breaks', 'Invoice,Client\n"INV-1","Acme, ""the"" best\nLtd"', ',', ['INV-1', 'Acme, "the" best\nLtd']],
    ['CRLF line ends', 'Invoice,Client\r\nINV-1,Acme\r\n', ',', ['INV-1', 'Acme']],
  ])('splits %s', (_, text, delimiter, lastRow) => {
    const read = readCsv(text);
    expect(read.delimiter).toBe(delimiter);
    expect(read.rows.at(-1)).toEqual(lastRow);
  });

  it('leaves blank lines out', () => {
    expect(readCsv('a,b\n\n ,\nc,d\n').rows).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it.each([
    ['=SUM(A1:A9)', '=SUM(A1:A9)'],
    ["'=SUM(A1:A9)", '=SUM(A1:A9)'],
    ["'-12", '-12'],
    ["O'Brien", "O'Brien"],
    ["'quoted'", "'quoted'"],
  ])('keeps formulas as text, and drops the apostrophe our own export puts before one: %s', (cell, read) => {
    expect(readCsv(`Name,Other\n"${cell}",x`).rows[1]![0]).toBe(read);
  });
});
