import { describe, expect, it } from 'vitest';
import { readJson } from './json';
import { ImportReport } from './report';

const read = (value: unknown) => {
  const report = new ImportReport();
  return { read: readJson(JSON.stringify(value), report, 1000), warnings: report.warnings };
};

const qbo = (fields: Record<string, unknown>) => ({ DocNumber: '1070', TxnDate: '2015-07-24', DueDate: '2015-08-23', TotalAmt: 150, CustomerRef: { name: "Amy's Bird Sanctuary", value: '1' }, ...fields });
const xero = (fields: Record<string, unknown>) => ({
  Type: 'ACCREC', InvoiceID: 'x-1', InvoiceNumber: 'INV-9', Contact: { Name: 'Melrose Parking' }, DateString: '2017-10-17T00:00:00',
  DueDate: '/Date(1508976000000+0000)/', Total: 148.5, CurrencyCode: 'AUD', ...fields,
});

describe('readJson: QuickBooks Online', () => {
  it.each([
    ['Balance 0 is paid', { Balance: 0 }, 'paid'],
    ['a Balance equal to the total is open', { Balance: 150 }, 'open'],
    ['a smaller Balance is partial', { Balance: 50 }, 'partial'],
    ['no Balance: unknown', {}, undefined],
  ])('%s', (_, fields, status) => {
    const { read: got } = read({ QueryResponse: { Invoice: [qbo(fields)] } });
    expect(got).toMatchObject({ kind: 'invoices', rows: 1 });
    expect(got.kind === 'invoices' && got.observations[0]!.status).toBe(status);
  });

  it('reads the currency and a discount line in money', () => {
    const { read: got } = read([qbo({ CurrencyRef: { value: 'usd' }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 160 }, { DetailType: 'DiscountLineDetail', Amount: 10 }] })]);
    expect(got.kind === 'invoices' && got.observations[0]).toMatchObject({ currency: 'USD', discount: 10, issued: '2015-07-24', due: '2015-08-23' });
  });
});

describe('readJson: Xero', () => {
  it.each([
    ['PAID', { Status: 'PAID' }, 'paid'],
    ['AUTHORISED with nothing paid', { Status: 'AUTHORISED', AmountDue: 148.5, AmountPaid: 0 }, 'open'],
    ['AUTHORISED, part paid', { Status: 'AUTHORISED', AmountDue: 48.5, AmountPaid: 100 }, 'partial'],
    ['DRAFT', { Status: 'DRAFT' }, 'draft'],
    ['VOIDED', { Status: 'VOIDED' }, 'void'],
    ['DELETED', { Status: 'DELETED' }, 'void'],
  ])('Status %s', (_, fields, status) => {
    const { read: got } = read({ Invoices: [xero(fields)] });
    expect(got.kind === 'invoices' && got.observations[0]!.status).toBe(status);
  });

  it('reads /Date(…)/ dates, FullyPaidOnDate as the paid date, and a date string first', () => {
    const { read: got } = read({ Invoices: [xero({ FullyPaidOnDate: '/Date(1508889600000+0000)/', Date: '/Date(1508198400000+0000)/' })] });
    expect(got.kind === 'invoices' && got.observations[0]).toEqual({
      kind: 'invoice', client: { name: 'Melrose Parking' }, number: 'INV-9', issued: '2017-10-17', due: '2017-10-26', paid: '2017-10-25', amount: 148.5, currency: 'AUD',
    });
  });

  it('keys an invoice without a number by its InvoiceID, and says so', () => {
    const { read: got, warnings } = read({ Invoices: [xero({ InvoiceNumber: '' })] });
    expect(got.kind === 'invoices' && got.observations[0]!.number).toBe('x-1');
    expect(warnings).toEqual(['Xero invoices with no InvoiceNumber are keyed by their InvoiceID.']);
  });

  it('reads a credit note as an invoice with a negative amount', () => {
    const { read: got } = read({ Invoices: [xero({ CreditNotes: [{ CreditNoteNumber: 'CN-1', Total: 20, DateString: '2017-10-31T00:00:00' }] })] });
    expect(got.kind === 'invoices' && got.observations[1]).toEqual({ kind: 'invoice', client: { name: 'Melrose Parking' }, number: 'CN-1', issued: '2017-10-31', amount: -20, currency: 'AUD' });
  });
});

describe('readJson: other JSON', () => {
  it('reads an array of flat records as a table, keys first, in first-seen order', () => {
    const { read: got } = read([{ id: 1, name: 'a', nested: { x: 1 } }, { id: 2, extra: true }]);
    expect(got).toEqual({ kind: 'table', table: { rows: [['id', 'name', 'nested', 'extra'], [1, 'a', '', ''], [2, '', '', 'true']] } });
  });

  it('treats __proto__ and constructor as plain keys', () => {
    const { read: got } = read(JSON.parse('[{"__proto__": "Acme", "constructor": "x"}]'));
    expect(got).toEqual({ kind: 'table', table: { rows: [['__proto__', 'constructor'], ['Acme', 'x']] } });
  });

  it.each([
    ['an object without records', { hello: 'world' }],
    ['an empty array', []],
    ['a number', 42],
  ])('%s is no list', (_, value) => {
    expect(read(value).read.kind).toBe('unknown');
  });
});
