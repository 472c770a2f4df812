import { describe, expect, it } from 'vitest';
import type { Cell } from './cells';
import { planTable } from './plan';

const fieldsOf = (rows: Cell[][], name = 'export.csv') => {
  const { plan, why } = planTable({ rows }, name);
  return plan ? { kind: plan.kind, headerRow: plan.headerRow, fields: Object.fromEntries(plan.fields) } : { why };
};

describe('planTable', () => {
  it('finds the header row after a title, an export date and a period', () => {
    const rows = [['Acme Consulting — Invoices'], ['Generated: 2026-03-10'], ['Period: 01.01.2026 – 31.03.2026'], ['Invoice #', 'Client', 'Due date'], ['INV-1', 'Acme', '2026-03-01']];
    expect(fieldsOf(rows)).toEqual({ kind: 'invoices', headerRow: 3, fields: { number: 0, client: 1, due: 2 } });
  });

  it.each([
    ['"Paid" holding dates is the paid date', ['2026-03-05', ''], { paid: 2 }],
    ['"Paid" holding sums is the amount paid', ['150.00', '0'], { 'paid-amount': 2 }],
  ])('%s', (_, paid, fields) => {
    const rows = [['Invoice #', 'Client', 'Paid', 'Total'], ['INV-1', 'Acme', paid[0]!, '150.00'], ['INV-2', 'Acme', paid[1]!, '80.00']];
    expect(fieldsOf(rows)).toMatchObject({ kind: 'invoices', fields: { number: 0, client: 1, amount: 3, ...fields } });
  });

  it('maps by value shapes where headers say nothing: INV-like values, dates, sums', () => {
    const rows = [['Code', 'Customer', 'When', 'Value', 'Status'], ['INV-1', 'Acme', '2026-03-01', '10.50', 'Paid'], ['INV-2', 'Acme', '2026-03-02', '7.00', 'Open']];
    expect(fieldsOf(rows)).toEqual({ kind: 'invoices', headerRow: 0, fields: { number: 0, client: 1, issued: 2, amount: 3, status: 4 } });
  });

  it('never counts a balance, an amount due or "Оплачено" as the billed total', () => {
    const rows = [['№ счёта', 'Контрагент', 'Оплачено', 'Остаток'], ['СЧ-1', 'Ромашка', '100,00', '0,00']];
    expect(fieldsOf(rows)).toEqual({ kind: 'invoices', headerRow: 0, fields: { number: 0, client: 1, 'paid-amount': 2, balance: 3 } });
  });

  it.each([
    ['a ledger', [['Date', 'Ref', 'Account', 'Debit', 'Credit', 'Balance'], ['2026-03-01', 'INV-1', 'AR', '10', '', '10']], /ledger/],
    ['a product list', [['SKU', 'Product', 'Price', 'Stock'], ['SKU-1', 'Widget', '12.50', '3']], /No row of the file reads as the header/],
    ['"# / Date / Amount" with no invoice evidence (payments? orders?)', [['#', 'Date', 'Amount'], ['1', '2026-03-01', '10.00']], /do not make a list/],
    ['a job board ("ID / Title / Created")', [['ID', 'Title', 'Created'], ['7', 'Engineer', '2026-03-01']], /do not make a list/],
  ])('says why %s is no list of ours', (_, rows, why) => {
    expect(fieldsOf(rows).why).toMatch(why);
  });

  it('takes "# / Date / Amount" when a status column proves it, or the file name says invoices', () => {
    expect(fieldsOf([['#', 'Date', 'Amount', 'Status'], ['1', '2026-03-01', '10.00', 'Paid']])).toMatchObject({ kind: 'invoices' });
    expect(fieldsOf([['#', 'Client', 'Date', 'Amount'], ['1', 'Acme', '2026-03-01', '10.00']], 'Счета-март.csv')).toMatchObject({ kind: 'invoices' });
  });

  it.each([
    ['Zendesk-like', [['Id', 'Requester', 'Organization', 'Subject', 'Status', 'Priority', 'Created at', 'Tags'], ['17', 'Ann', 'Acme', 'Help', 'Open', 'High', '2026-03-01 10:00', 'vip']],
      { id: 0, requester: 1, client: 2, subject: 3, status: 4, priority: 5, created: 6, tags: 7 }],
    ['Russian', [['№ обращения', 'Клиент', 'Тема', 'Дата создания', 'Приоритет'], ['17', 'Ромашка', 'Вопрос', '01.03.2026', 'Высокий']],
      { id: 0, client: 1, subject: 2, created: 3, priority: 4 }],
  ])('reads a %s ticket export', (_, rows, fields) => {
    expect(fieldsOf(rows)).toEqual({ kind: 'tickets', headerRow: 0, fields });
  });
});
