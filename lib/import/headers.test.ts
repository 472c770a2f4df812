import { describe, expect, it } from 'vitest';
import { importHeaderKey, readHeader } from './headers';

describe('readHeader', () => {
  it.each([
    // The page readers' EN/RU words.
    ['Invoice #', 'number', undefined],
    ['№ счёта', 'number', undefined],
    ['Контрагент', 'client', 'client'],
    ['Срок оплаты', 'due', undefined],
    ['Сумма, руб.', 'amount', undefined],
    ['Total (USD)', 'amount', undefined],
    ['Дата оплаты', 'paid', undefined],
    // API field names and export columns.
    ['invoiceNumber', 'number', undefined],
    ['InvoiceDate', 'issued', undefined],
    ['due_date', 'due', undefined],
    ['customerID', 'client', undefined],
    ['SettledDate', 'paid', undefined],
    ['TotalAmt', 'amount', undefined],
    ['Created time', undefined, 'created'],
    ['Company Name', 'client', 'client'],
    // A residual is never the billed total.
    ['Balance', 'balance', undefined],
    ['Amount due', 'balance', undefined],
    ['Остаток', 'balance', undefined],
    ['Оплачено', 'paid-amount', undefined],
    ['Amount paid', 'paid-amount', undefined],
  ])('%s → invoice field %s, ticket field %s', (header, invoice, ticket) => {
    const reading = readHeader(header);
    expect(reading.invoice?.field).toBe(invoice);
    expect(reading.ticket?.field).toBe(ticket);
  });

  it.each(['Subtotal', 'VAT', 'Сумма без НДС'])('%s is a column that is never ours', (header) => {
    expect(readHeader(header)).toMatchObject({ ignored: true });
  });

  it('ranks the page readers\' words before export words: "Customer" beats "Customer ID"', () => {
    expect(readHeader('Customer').invoice!.rank).toBeLessThan(readHeader('customerID').invoice!.rank);
  });
});

describe('importHeaderKey', () => {
  it.each([
    ['InvoiceDate', 'invoice date'],
    ['customerID', 'customer id'],
    ['due_date', 'due date'],
    ['DocNumber', 'doc number'],
    ['Дата ▼', 'дата'],
    ['CSAT', 'csat'],
  ])('%s → %s', (raw, key) => {
    expect(importHeaderKey(raw)).toBe(key);
  });
});
