import { parseAmount, type Money } from '../extract/amounts';
import { pageDateOrder, parseDateInOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';

/*
 * Invoice Ninja v5's admin app (invoiceninja/ui, React): the invoices table (SITE_FACTS §8
 * "Invoice Ninja v5 admin"). Cells carry no field names and users reorder columns, so columns are
 * read by their header text. Amount is billed, Balance is owed. Dates follow the company's format
 * (default DD/MMM/YYYY), money its symbol and separators. No paid date is shown.
 */

// Selectors (SITE_FACTS §8, blind invoiceninja-invoices, pages/invoice-ninja-admin).
/** The data table's wrapper is the test hook `data-cy="dataTable"`. */
const TABLE = '[data-cy="dataTable"] table';
const HEADER_CELLS = 'thead > tr > th';
const BODY_ROWS = 'tbody > tr';
/** The number links to /invoices/:id/edit: the row's own invoice. */
const INVOICE_LINK = 'a[href*="/invoices/"]';
/** The status badge: a small rounded span coloured inline. */
const BADGE = 'span';

/** The invoices list (/invoices, hosted or self-hosted, also under a hash router); not a record, not recurring invoices. */
const LIST_PATH = /(?:^|\/)invoices\/?$/;

/** Invoice Ninja's Russian "Balance" [guess], beside the shared words for what is still owed (never billed). */
const OWED_LABELS = new Set(['баланс']);

type Field = 'number' | 'client' | 'issued' | 'due' | 'amount' | 'owed' | 'status';
const LABEL_FIELDS: readonly [Field, readonly string[]][] = [
  ['number', INVOICE_HEADERS.number],
  ['client', INVOICE_HEADERS.client],
  ['due', INVOICE_HEADERS.due],
  ['issued', INVOICE_HEADERS.issued],
  ['amount', INVOICE_HEADERS.amount],
  ['status', INVOICE_HEADERS.status],
];

/** Badge words the shared vocabulary lacks (invoiceninja/ui InvoiceStatus). */
const STATUS_WORDS: readonly [RegExp, InvoiceStatus][] = [
  [/^(?:просрочен[оа]?|просроченный)$/, 'overdue'],
  [/^(?:частично|частично оплачен[оа]?)$/, 'partial'],
  [/^(?:просмотрен[оа]?)$/, 'open'],
];

const ROWS_PER_CHUNK = 200;

function route(url: string): string | undefined {
  try {
    const address = new URL(url);
    // The hash router keeps the route after "#" (#/invoices).
    return address.hash.startsWith('#/') ? address.hash.slice(1).split('?')[0] : address.pathname;
  } catch {
    return undefined;
  }
}

function fieldOfLabel(label: string): Field | undefined {
  const key = headerKey(label);
  if (!key) return undefined;
  if (OWED_HEADERS.has(key) || OWED_LABELS.has(key)) return 'owed';
  return LABEL_FIELDS.find(([, words]) => words.includes(key))?.[0];
}

function planColumns(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(HEADER_CELLS)).forEach((th, index) => {
    const field = fieldOfLabel(text(th));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function invoiceTable(doc: Document): { table: Element; columns: Map<Field, number> } | undefined {
  const table = doc.querySelector(TABLE);
  if (!table) return undefined;
  const columns = planColumns(table);
  return columns.has('number') && columns.has('client') ? { table, columns } : undefined;
}

function quote(value: string): string {
  return `"${value.slice(0, 60)}"`;
}

function readDay(cell: Element | undefined, order: PageDateOrder, report: PageReport, what: string): string | undefined {
  const shown = text(cell);
  if (!shown) return undefined;
  const date = parseDateInOrder(shown, order);
  if (date && date !== 'invalid' && date !== 'ambiguous') return date.date;
  const why = date === 'ambiguous' ? 'day-or-month-first' : date === 'invalid' ? 'invalid' : 'unreadable';
  report.warn(`Invoice Ninja: ${why} ${what} ${quote(shown)} ignored${date === 'ambiguous' ? ': this page proves both orders' : ''}.`);
  return undefined;
}

function readMoney(cell: Element | undefined, report: PageReport, what: string): Money | undefined {
  const shown = text(cell);
  if (!/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money && money !== 'invalid') return money;
  report.warn(`Invoice Ninja: invalid ${what} ${quote(shown)} ignored.`);
  return undefined;
}

function readStatus(cell: Element | undefined, owed: Money | undefined, report: PageReport): InvoiceStatus | undefined {
  const shown = text(cell?.querySelector(BADGE) ?? cell);
  if (shown) {
    const key = fold(shown);
    const status = STATUS_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(shown);
    if (status) return status;
    report.warn(`Invoice Ninja: unknown status ${quote(shown)}.`);
  }
  if (owed && owed.value > 0) return 'open';
  if (owed && owed.value === 0) return 'paid';
  return undefined;
}

function readRow(cells: Element[], columns: Map<Field, number>, order: PageDateOrder, report: PageReport): InvoiceObservation | undefined {
  const cellOf = (field: Field): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : cells[index];
  };
  const numberCell = cellOf('number');
  const number = squish(text(numberCell?.querySelector(INVOICE_LINK) ?? numberCell).replace(/^[#№]\s*/, ''));
  if (!number) {
    report.warn('Invoice Ninja: skipped invoices without a number.');
    return undefined;
  }
  const client = text(cellOf('client'));
  if (!client) {
    report.warn('Invoice Ninja: skipped invoices with an empty client cell.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(client), number: report.cap(number, 'invoice number') };
  const issued = readDay(cellOf('issued'), order, report, 'invoice date');
  if (issued) invoice.issued = issued;
  const due = readDay(cellOf('due'), order, report, 'due date');
  if (due) invoice.due = due;
  const amount = readMoney(cellOf('amount'), report, 'amount');
  const owed = readMoney(cellOf('owed'), report, 'balance');
  if (amount) invoice.amount = amount.value;
  const currency = amount?.currency ?? owed?.currency;
  if (currency) invoice.currency = currency;
  const status = readStatus(cellOf('status'), owed, report);
  if (status) invoice.status = status;
  return invoice;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
}

function* readInvoices(doc: Document, report: PageReport): Steps<void> {
  const found = invoiceTable(doc);
  if (!found) {
    report.warn('Invoice Ninja: no invoices table with Number and Client columns on this page.');
    return;
  }
  const { table, columns } = found;
  if (!columns.has('amount')) report.warn('Invoice Ninja: the table has no Amount column, so billed amounts were not read.');
  if (!columns.has('due')) report.warn('Invoice Ninja: the table has no Due Date column, so lateness cannot be read.');
  const rows = Array.from(table.querySelectorAll(BODY_ROWS)).map(cellsOf);
  const dates = rows.flatMap((cells) => [columns.get('issued'), columns.get('due')].map((index) => (index === undefined ? '' : text(cells[index]))));
  const order = pageDateOrder(dates, doc.documentElement?.getAttribute('lang') ?? '');
  let read = 0;
  for (const cells of rows) {
    if (report.full) {
      report.overflow();
      return;
    }
    const invoice = readRow(cells, columns, order, report);
    if (invoice) report.add(invoice);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

export const invoiceNinjaInvoices: SiteReader = {
  id: 'invoice-ninja-invoices',
  product: 'Invoice Ninja',
  label: { en: 'Invoice Ninja invoice list', ru: 'список счетов Invoice Ninja' },
  reads: {
    en: 'Admin invoices table: number, client, invoice and due dates, amount, balance, status (Sent, Partial, Past Due, Paid…)',
    ru: 'Таблица счетов: номер, клиент, даты счёта и оплаты, сумма, остаток, статус',
  },
  // The hosted service's app lives on app.invoicing.co; self-hosted installs anywhere.
  hosts: /(?:^|\.)invoicing\.co$/i,
  detect(doc, url) {
    const path = route(url);
    if (!path || !LIST_PATH.test(path)) return undefined;
    // The client portal lists invoices at /client/invoices with its own markup (SITE_FACTS §2).
    if (/\/client\//.test(path)) return undefined;
    return invoiceTable(doc) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readInvoices(doc, report);
  },
};
