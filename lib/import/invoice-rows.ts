import { currencyOf, type Money } from '../extract/amounts';
import { squish } from '../extract/text';
import { invoiceStatusOf } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import { cellText, type Cell } from './cells';
import type { InvoiceImportField } from './fields';
import { cleanId, isSummaryKey, readDateCell, readMoneyCell, readYesNo, type CellContext } from './read-cells';
import { quote } from './report';
import { statusWord } from './words';

type InvoiceColumns = { fields: ReadonlyMap<InvoiceImportField, number>; headerCurrency: ReadonlyMap<number, string> };

/** Rounds a sum of line totals: 0.1 + 0.2 is 0.3, not 0.30000000000000004. */
const roundSum = (value: number): number => Math.round(value * 1e6) / 1e6;

type Reader = { columns: InvoiceColumns; context: CellContext; cell: (row: readonly Cell[], field: InvoiceImportField) => Cell | undefined };

/** The first row of a group whose cell for `field` reads, and what it reads as. */
function first<T>(rows: readonly (readonly Cell[])[], read: (row: readonly Cell[]) => T | undefined): T | undefined {
  for (const row of rows) {
    const value = read(row);
    if (value !== undefined) return value;
  }
  return undefined;
}

function money(reader: Reader, row: readonly Cell[], field: InvoiceImportField, what: string): Money | undefined {
  const found = readMoneyCell(reader.cell(row, field), reader.context, what);
  if (!found) return undefined;
  const column = reader.columns.fields.get(field);
  const currency = found.currency ?? (column === undefined ? undefined : reader.columns.headerCurrency.get(column));
  return currency ? { value: found.value, currency } : { value: found.value };
}

/**
 * The invoice's amount: the invoice-level total when the file has one, else the sum of the
 * line totals; an "amount" column whose values differ between the rows of one invoice holds line
 * totals too (`amountPerLine`), and is summed.
 */
function invoiceAmount(reader: Reader, rows: readonly (readonly Cell[])[], amountPerLine: boolean): Money | undefined {
  const { fields } = reader.columns;
  const perLine = fields.has('amount') ? (amountPerLine ? 'amount' : undefined) : fields.has('line-total') ? 'line-total' : undefined;
  if (!perLine) return first(rows, (row) => money(reader, row, 'amount', 'amount'));
  const lines = rows.map((row) => money(reader, row, perLine, 'line total')).filter((line): line is Money => line !== undefined);
  if (!lines.length) return undefined;
  const currency = lines.find((line) => line.currency)?.currency;
  if (lines.some((line) => line.currency && line.currency !== currency)) {
    reader.context.report.warn('An invoice has line items in two currencies: their sum was left out.');
    return undefined;
  }
  const value = roundSum(lines.reduce((sum, line) => sum + line.value, 0));
  return currency ? { value, currency } : { value };
}

/**
 * Paid or not when the file has no status word: a balance (amount due) of 0 means paid and
 * above 0 unpaid (partial when something was paid); an amount paid against the total says the
 * same; a "Paid: Yes/No" column says it outright. Nothing of these: unknown (never a guess).
 */
function derivedStatus(reader: Reader, rows: readonly (readonly Cell[])[], amount: number | undefined): InvoiceStatus | undefined {
  const balance = first(rows, (row) => money(reader, row, 'balance', 'balance'))?.value;
  const paidAmount = first(rows, (row) => money(reader, row, 'paid-amount', 'amount paid'))?.value;
  if (balance !== undefined) {
    if (balance <= 0) return 'paid';
    return (paidAmount !== undefined && paidAmount > 0) || (amount !== undefined && balance < amount) ? 'partial' : 'open';
  }
  if (paidAmount !== undefined && amount !== undefined && amount > 0) {
    if (paidAmount >= amount) return 'paid';
    return paidAmount > 0 ? 'partial' : 'open';
  }
  const flag = first(rows, (row) => readYesNo(reader.cell(row, 'paid')));
  if (flag !== undefined) return flag ? 'paid' : 'open';
  return undefined;
}

function buildInvoice(reader: Reader, number: string, rows: readonly (readonly Cell[])[], amountPerLine: boolean): InvoiceObservation | undefined {
  const { context } = reader;
  const { report } = context;
  const names = [...new Set(rows.map((row) => squish(cellText(reader.cell(row, 'client')))).filter(Boolean))];
  if (!names.length) {
    report.warn('Dropped invoice rows with an empty client cell.');
    return undefined;
  }
  if (names.length > 1) report.warn(`Invoice ${quote(number)} is listed under more than one client: the first was kept.`);
  const invoice: InvoiceObservation = { kind: 'invoice', client: { name: report.cap(names[0]!, 'client name') }, number: report.cap(number, 'invoice number') };
  for (const field of ['issued', 'due', 'paid'] as const) {
    const date = first(rows, (row) => (field === 'paid' && readYesNo(reader.cell(row, field)) !== undefined ? undefined : readDateCell(reader.cell(row, field), context, `${field} date`)));
    if (date) invoice[field] = date.date;
  }
  const amount = invoiceAmount(reader, rows, amountPerLine);
  if (amount) invoice.amount = amount.value;
  const currency = amount?.currency ?? first(rows, (row) => {
    const text = cellText(reader.cell(row, 'currency')).trim();
    return text ? currencyOf(text) : undefined;
  });
  if (currency) invoice.currency = currency;
  const discount = first(rows, (row) => (cellText(reader.cell(row, 'discount')).includes('%') ? undefined : money(reader, row, 'discount', 'discount')));
  if (discount && discount.value !== 0) invoice.discount = Math.abs(discount.value);
  const statusText = first(rows, (row) => squish(cellText(reader.cell(row, 'status'))) || undefined);
  const stated = statusText === undefined ? undefined : statusWord(statusText, invoiceStatusOf);
  if (statusText !== undefined && stated === undefined) report.warn(`Unknown invoice status ${quote(statusText)} left out.`);
  const status = stated ?? derivedStatus(reader, rows, amount?.value);
  if (status) invoice.status = status;
  return invoice;
}

/**
 * Turns the data rows of an invoice export into one observation per invoice. Rows that repeat
 * an invoice number are its line items: one invoice, each field from the first row that has
 * it. Rows without a number (spacers, totals) are no invoices.
 *
 * @example buildInvoices([['INV-1', 'Acme', '10'], ['INV-1', 'Acme', '5']], { fields: new Map([['number', 0], ['client', 1], ['line-total', 2]]), headerCurrency: new Map() }, context)[0]!.amount // 15
 */
export function buildInvoices(data: readonly (readonly Cell[])[], columns: InvoiceColumns, context: CellContext): InvoiceObservation[] {
  const numberColumn = columns.fields.get('number')!;
  const cell = (row: readonly Cell[], field: InvoiceImportField): Cell | undefined => {
    const column = columns.fields.get(field);
    return column === undefined ? undefined : row[column];
  };
  if (!columns.fields.has('client')) {
    context.report.warn('No column names the client: no invoice was read (map a column to "client").');
    return [];
  }
  const groups = new Map<string, (readonly Cell[])[]>();
  for (const row of data) {
    const number = cleanId(cellText(row[numberColumn]));
    if (!number || isSummaryKey(number)) continue;
    const group = groups.get(number);
    if (group) group.push(row);
    else groups.set(number, [row]);
  }
  const amountColumn = columns.fields.get('amount');
  // An "amount" that differs between the rows of one invoice is a line total, for the whole file.
  const amountPerLine =
    amountColumn !== undefined &&
    [...groups.values()].some((rows) => rows.length > 1 && rows.some((row) => cellText(row[amountColumn]) !== cellText(rows[0]![amountColumn])));
  const reader: Reader = { columns, context, cell };
  const invoices: InvoiceObservation[] = [];
  for (const [number, rows] of groups) {
    const invoice = buildInvoice(reader, number, rows, amountPerLine);
    if (invoice) invoices.push(invoice);
  }
  return invoices;
}
