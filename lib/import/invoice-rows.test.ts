import { describe, expect, it } from 'vitest';
import type { Cell } from './cells';
import type { InvoiceImportField } from './fields';
import { buildInvoices } from './invoice-rows';
import type { CellContext } from './read-cells';
import { ImportReport } from './report';

const NOW = new Date('2026-03-10T12:00:00Z');
const context = (): CellContext => ({ order: { order: 'dmy', conflict: false }, now: NOW, report: new ImportReport(), ambiguousDates: 0 });

/** Rows under a header of field names: the header row itself says which column is which. */
function invoices(fields: InvoiceImportField[], rows: Cell[][], headerCurrency = new Map<number, string>()) {
  const ctx = context();
  const columns = { fields: new Map(fields.map((field, column) => [field, column] as const)), headerCurrency };
  return { invoices: buildInvoices(rows, columns, ctx), warnings: ctx.report.warnings };
}

describe('buildInvoices: line items', () => {
  it('sums line totals when there is no invoice-level total', () => {
    const { invoices: got } = invoices(['number', 'client', 'line-total'], [['A-1', 'Acme', '0.10'], ['A-1', 'Acme', '0.20'], ['A-2', 'Acme', '5']]);
    expect(got.map((invoice) => [invoice.number, invoice.amount])).toEqual([['A-1', 0.3], ['A-2', 5]]);
  });

  it('takes the invoice-level total when there is one, once', () => {
    const { invoices: got } = invoices(['number', 'client', 'line-total', 'amount'], [['A-1', 'Acme', '10', '15'], ['A-1', 'Acme', '5', '15']]);
    expect(got).toEqual([{ kind: 'invoice', client: { name: 'Acme' }, number: 'A-1', amount: 15 }]);
  });

  it('reads an "amount" repeated alike on every line as the invoice total, and one that differs as line totals', () => {
    expect(invoices(['number', 'client', 'amount'], [['A-1', 'Acme', '15'], ['A-1', 'Acme', '15']]).invoices[0]!.amount).toBe(15);
    expect(invoices(['number', 'client', 'amount'], [['A-1', 'Acme', '15'], ['A-1', 'Acme', '15'], ['A-2', 'Acme', '1'], ['A-2', 'Acme', '2']]).invoices.map((i) => i.amount)).toEqual([30, 3]);
  });

  it('takes each field from the first line that has it, and warns when lines name two clients', () => {
    const { invoices: got, warnings } = invoices(['number', 'client', 'due', 'status'], [['A-1', 'Acme', '', ''], ['A-1', 'Globex', '05.03.2026', 'Paid']]);
    expect(got).toEqual([{ kind: 'invoice', client: { name: 'Acme' }, number: 'A-1', due: '2026-03-05', status: 'paid' }]);
    expect(warnings).toEqual(['Invoice "A-1" is listed under more than one client: the first was kept.']);
  });
});

describe('buildInvoices: paid or not', () => {
  it.each([
    ['a status word wins', ['status', 'balance'], ['Open', '0'], 'open'],
    ['a balance of 0 is paid', ['balance'], ['0,00'], 'paid'],
    ['a balance above 0 is unpaid', ['balance'], ['100,00'], 'open'],
    ['a balance below the total is partial', ['balance', 'amount'], ['40', '100'], 'partial'],
    ['an amount paid equal to the total is paid', ['paid-amount', 'amount'], ['100', '100'], 'paid'],
    ['an amount paid below the total is partial', ['paid-amount', 'amount'], ['30', '100'], 'partial'],
    ['nothing paid of a total is open', ['paid-amount', 'amount'], ['0', '100'], 'open'],
    ['"Paid: Yes"', ['paid'], ['Yes'], 'paid'],
    ['"Paid: Нет"', ['paid'], ['Нет'], 'open'],
    ['a paid date alone sets no status (the date says paid)', ['paid'], ['05.03.2026'], undefined],
    ['no status, no balance, no paid date: unknown, never guessed', ['amount'], ['100'], undefined],
    ['an empty balance: unknown', ['balance'], [''], undefined],
  ] as const)('%s', (_, fields, values, status) => {
    const { invoices: got } = invoices(['number', 'client', ...fields], [['A-1', 'Acme', ...values]]);
    expect(got[0]!.status).toBe(status);
  });

  it('warns about a status it cannot read, and falls back on the balance', () => {
    const { invoices: got, warnings } = invoices(['number', 'client', 'status', 'balance'], [['A-1', 'Acme', 'Отклонён', '0']]);
    expect(got[0]!.status).toBe('paid');
    expect(warnings).toEqual(['Unknown invoice status "Отклонён" left out.']);
  });
});

describe('buildInvoices: cells', () => {
  it('reads amounts as the page readers do, the currency from the cell, the header or a column', () => {
    const { invoices: got } = invoices(['number', 'client', 'amount', 'currency'], [['A-1', 'Acme', '1 234,56', 'BYN'], ['A-2', 'Acme', '$12', ''], ['A-3', 'Acme', '(10.00)', '']], new Map([[2, 'RUB']]));
    expect(got.map((invoice) => [invoice.amount, invoice.currency])).toEqual([[1234.56, 'RUB'], [12, 'USD'], [-10, 'RUB']]);
  });

  it('keeps a discount in money, never a percentage', () => {
    const { invoices: got } = invoices(['number', 'client', 'discount'], [['A-1', 'Acme', '-50.00'], ['A-2', 'Acme', '10%'], ['A-3', 'Acme', '0']]);
    expect(got.map((invoice) => invoice.discount)).toEqual([50, undefined, undefined]);
  });

  it('skips rows without a number and totals rows', () => {
    const { invoices: got } = invoices(['number', 'client', 'amount'], [['', 'Acme', '5'], ['Итого', '', '5'], ['Total:', '', '5'], ['#A-1', 'Acme', '5']]);
    expect(got.map((invoice) => invoice.number)).toEqual(['A-1']);
  });

  it('drops rows with an empty client cell, and reads nothing without a client column', () => {
    expect(invoices(['number', 'client'], [['A-1', ' ']]).warnings).toEqual(['Dropped invoice rows with an empty client cell.']);
    expect(invoices(['number', 'due'], [['A-1', '05.03.2026']])).toEqual({ invoices: [], warnings: ['No column names the client: no invoice was read (map a column to "client").'] });
  });

  it('warns about invalid and unreadable dates and amounts, and leaves them out', () => {
    const { invoices: got, warnings } = invoices(['number', 'client', 'issued', 'due', 'amount'], [['A-1', 'Acme', '31.02.2026', 'soon', '12abc']]);
    expect(got).toEqual([{ kind: 'invoice', client: { name: 'Acme' }, number: 'A-1' }]);
    expect(warnings).toEqual(['Invalid issued date "31.02.2026" ignored.', 'Unreadable due date "soon" ignored.', 'Invalid amount "12abc" ignored.']);
  });
});
