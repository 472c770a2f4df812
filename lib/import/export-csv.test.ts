import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { invoicesCsv, neutralise, ticketsCsv, verdictsCsv } from './export-csv';
import { readCsv } from './csv';

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Acme', 'Acme'],
    ['O\'Brien = friend', "O'Brien = friend"],
    [-120, -120],
    [0, 0],
    [Number.NaN, ''],
    [undefined, ''],
    [true, 'yes'],
  ] as const)('%j → %j', (value, safe) => {
    expect(neutralise(value)).toBe(safe);
  });
});

describe('invoicesCsv', () => {
  const hostile = [
    { kind: 'invoice' as const, client: { name: '=cmd|\' /C calc\'!A0' }, number: '-1', amount: -120, currency: 'EUR', status: 'paid' as const, source: 'crm.example' },
    { kind: 'invoice' as const, client: { name: 'ООО «Ромашка», "Вектор"' }, number: 'СЧ-1', issued: '2026-03-01', paid: '2026-03-09', paidEstimated: true, amount: 1234.56 },
  ];

  it('opens as text in a spreadsheet: formulas neutralised, numbers left numbers, a BOM for Cyrillic', () => {
    const csv = invoicesCsv(hostile);
    expect(csv.startsWith('\ufeffClient,Invoice,Source,')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]!.slice(0, 3)).toEqual(["'=cmd|' /C calc'!A0", "'-1", 'crm.example']);
    expect(rows[1]![7]).toBe('-120');
    expect(rows[2]).toEqual(['ООО «Ромашка», "Вектор"', 'СЧ-1', '', '2026-03-01', '', '2026-03-09', 'yes', '1234.56', '', '', '', '', '']);
    expect(csv).toMatch(/,-120,/);
  });

  it('reads back through readCsv to the same names (the apostrophe dropped again)', () => {
    const rows = readCsv(invoicesCsv(hostile).slice(1)).rows;
    expect(rows.slice(1).map((row) => row[0])).toEqual(hostile.map((invoice) => invoice.client.name));
  });
});

describe('ticketsCsv and verdictsCsv', () => {
  it('writes tickets with their tags joined', () => {
    const csv = ticketsCsv([{ kind: 'ticket', client: { name: '@Acme' }, id: 'T-1', created: '2026-03-05T10:00', tags: ['complaint', 'vip'], subject: '+urgent' }]);
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data[1]).toEqual(["'@Acme", 'T-1', '', '2026-03-05T10:00', '', '', '', 'complaint, vip', "'+urgent", '', '']);
  });

  it('writes one row per client and criterion', () => {
    const csv = verdictsCsv([{ clientKey: 'acme', clientName: '=Acme', id: 'late-payment', status: 'met', summary: '2 of the last 6 invoices were paid 15+ days late', since: '2026-03-01T10:00:00Z', computedAt: '2026-03-10T10:00:00Z' }]);
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['Client', 'Client key', 'Criterion', 'Status', 'Summary', 'Since', 'Computed at'],
      ["'=Acme", 'acme', 'late-payment', 'met', '2 of the last 6 invoices were paid 15+ days late', '2026-03-01T10:00:00Z', '2026-03-10T10:00:00Z'],
    ]);
  });
});
