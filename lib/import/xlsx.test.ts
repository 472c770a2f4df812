import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../tests/fixtures/exports/xlsx-writer';
import { serialOf } from '../../tests/fixtures/exports/invoices-workbook';
import { MAX_UNPACKED_BYTES, readWorkbook, WorkbookError } from './xlsx';
import { xmlTokens } from './xml';

describe('readWorkbook', () => {
  it('reads text, numbers and real date cells', () => {
    const bytes = writeXlsx([{ name: 'Invoices', rows: [['Invoice', 'Due', 'Total'], ['INV-1', { serial: serialOf('2026-03-05'), style: 'date' }, 1234.56]] }]);
    expect(readWorkbook(bytes, 100).sheets).toEqual([{ name: 'Invoices', rows: [['Invoice', 'Due', 'Total'], ['INV-1', { date: '2026-03-05' }, 1234.56]] }]);
  });

  it.each([
    ['the 1900 system', false, 46086, '2026-03-05'],
    ['the 1904 system', true, 46086, '2030-03-06'],
  ])('reads serials in %s', (_, date1904, serial, date) => {
    const bytes = writeXlsx([{ name: 'S', rows: [[{ serial, style: 'ddmmyyyy' }]] }], { date1904 });
    expect(readWorkbook(bytes, 100).sheets[0]!.rows).toEqual([[{ date }]]);
  });

  it('leaves 29 February 1900 (serial 60) empty, with a warning', () => {
    const workbook = readWorkbook(writeXlsx([{ name: 'S', rows: [['Due', 'x'], [{ serial: 60, style: 'date' }, 'y']] }]), 100);
    expect(workbook.sheets[0]!.rows[1]).toEqual(['', 'y']);
    expect(workbook.warnings).toEqual(['A date cell holds no real day (serial 60); it was left empty.']);
  });

  it('reads a date and time cell with its time', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [[{ serial: serialOf('2026-03-05') + 0.75, style: 'datetime' }]] }]);
    expect(readWorkbook(bytes, 100).sheets[0]!.rows).toEqual([[{ date: '2026-03-05', time: '18:00:00' }]]);
  });

  it('reads inline strings, gaps between cells, and skips blank rows', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [[{ inline: 'A & <B>' }, null, 'C'], [], [null, null], ['D']] }]);
    expect(readWorkbook(bytes, 100).sheets[0]!.rows).toEqual([['A & <B>', '', 'C'], ['D']]);
  });

  it('reads a workbook whose writer prefixes every element (x:row, x:c)', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['Invoice', 7]] }], { prefix: 'x' });
    expect(readWorkbook(bytes, 100).sheets[0]!.rows).toEqual([['Invoice', 7]]);
  });

  it('puts visible sheets first', () => {
    const bytes = writeXlsx([{ name: 'Hidden', hidden: true, rows: [['h']] }, { name: 'Shown', rows: [['s']] }]);
    expect(readWorkbook(bytes, 100).sheets.map((sheet) => sheet.name)).toEqual(['Shown', 'Hidden']);
  });

  it('stops a sheet after maxRows rows', () => {
    const bytes = writeXlsx([{ name: 'S', rows: Array.from({ length: 50 }, (_, i) => [`r${i}`]) }]);
    expect(readWorkbook(bytes, 10).sheets[0]!.rows.length).toBeLessThanOrEqual(11);
  });

  it('refuses a zip bomb: parts that unpack past the cap (counted as they unpack, whatever the zip headers claim)', () => {
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => readWorkbook(bomb, 100, 2 * 1024 * 1024)).toThrow(WorkbookError);
    expect(() => readWorkbook(bomb, 100, 2 * 1024 * 1024)).toThrow(/unpacks to more than 2 MB/);
    expect(MAX_UNPACKED_BYTES).toBe(160 * 1024 * 1024);
  });

  it.each([
    ['a zip without a workbook', zipSync({ 'word/document.xml': strToU8('<w/>') }), /not an XLSX workbook/],
    ['a truncated zip', writeXlsx([{ name: 'S', rows: [['a']] }]).subarray(0, 200), /could not be unpacked|damaged|not an XLSX/],
  ])('says why it cannot read %s', (_, bytes, why) => {
    expect(() => readWorkbook(bytes, 100)).toThrow(why);
  });
});

describe('xmlTokens', () => {
  it.each([
    ['unclosed comments', '<v>1</v>' + '<!--'.repeat(250_000)],
    ['unclosed CDATA', '<v>1</v>' + '<![CDATA['.repeat(110_000)],
    ['stray brackets', '<<<<'.repeat(250_000)],
    ['unclosed attribute quotes', '<c r="'.repeat(170_000)],
  ])('tokenises 1 MB of %s in linear time (quadratic would take minutes)', (_, xml) => {
    const start = performance.now();
    let count = 0;
    for (const _token of xmlTokens(xml)) count += 1;
    expect(count).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('gives local names, attributes by written name, decoded text and CDATA', () => {
    const tokens = [...xmlTokens('<?xml version="1.0"?><!-- c --><x:c r="A1" t=\'s\'><x:v>1 &amp; 2</x:v><t><![CDATA[<raw>]]></t></x:c><br/>')];
    expect(tokens).toEqual([
      { kind: 'open', name: 'c', attributes: new Map([['r', 'A1'], ['t', 's']]), selfClosing: false },
      { kind: 'open', name: 'v', attributes: new Map(), selfClosing: false },
      { kind: 'text', text: '1 & 2' },
      { kind: 'close', name: 'v' },
      { kind: 'open', name: 't', attributes: new Map(), selfClosing: false },
      { kind: 'text', text: '<raw>' },
      { kind: 'close', name: 't' },
      { kind: 'close', name: 'c' },
      { kind: 'open', name: 'br', attributes: new Map(), selfClosing: true },
    ]);
  });
});
