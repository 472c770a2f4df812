import { parseAmount } from '../extract/amounts';
import { pageDateOrder, parseDateInOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';

/*
 * Akaunting's sales invoices index (2.0-era Blade; SITE_FACTS §3), and the 1.x one at
 * /incomes/invoices. A Bootstrap grid inside the table: rows are `tr.row`, cells `td.col-*`, some
 * hidden on narrow screens but present. Each header sorts by its column (`?sort=<column>`), which
 * names the column in every language. Status words are translated; their badge class is not.
 */

// Selectors (SITE_FACTS §3, blind akaunting-invoices, pages/akaunting-invoices).
const TABLE = 'table#tbl-invoices, table.table-flush';
const HEADER_CELLS = 'thead > tr > th';
/** A header's sort link: `?sort=contact_name&direction=asc`. */
const SORT_LINK = 'a[href*="sort="]';
const BODY_ROWS = 'tbody > tr';
/** The number links to the invoice (`a.col-aka`). */
const NUMBER_LINK = 'a.col-aka, a[href*="/invoices/"]';
/** The status badge: `span.badge.badge-pill.badge-<status label>`. */
const BADGE = '.badge';

/** /<company>/sales/invoices (2.x), /incomes/invoices (1.x); not one invoice, not the create form. */
const LIST_PATH = /^(?:\/\d+)?\/(?:sales|incomes)\/invoices\/?$/;

type Field = 'number' | 'client' | 'issued' | 'due' | 'amount' | 'status';
/** Sort keys by column, across versions (document_number and issued_at in 2.1+, invoice_number and invoiced_at before). */
const SORT_FIELDS: Readonly<Record<string, Field>> = {
  document_number: 'number',
  invoice_number: 'number',
  contact_name: 'client',
  customer_name: 'client',
  amount: 'amount',
  issued_at: 'issued',
  invoiced_at: 'issued',
  due_at: 'due',
  status: 'status',
  invoice_status_code: 'status',
};
const LABEL_FIELDS: readonly [Field, readonly string[]][] = [
  ['number', INVOICE_HEADERS.number],
  ['client', INVOICE_HEADERS.client],
  ['due', INVOICE_HEADERS.due],
  ['issued', INVOICE_HEADERS.issued],
  ['amount', INVOICE_HEADERS.amount],
  ['status', INVOICE_HEADERS.status],
];

/** Akaunting's status words the shared vocabulary lacks (its Russian translation [guess]). */
const STATUS_WORDS: readonly [RegExp, InvoiceStatus][] = [
  [/^(?:частично|частично оплачен[оа]?)$/, 'partial'],
  [/^(?:просмотрен[оа]?)$/, 'open'],
  [/^(?:просрочен[оа]?)$/, 'overdue'],
];
/** Where the words are not known, two badge colours still say one thing each (badge-success, badge-danger). */
const BADGE_COLOURS: Readonly<Record<string, InvoiceStatus>> = { 'badge-success': 'paid', 'badge-danger': 'overdue' };

const ROWS_PER_CHUNK = 200;

function fieldOfHeader(th: Element): Field | undefined {
  const href = th.querySelector(SORT_LINK)?.getAttribute('href') ?? '';
  const sort = /[?&]sort=([a-z_]+)/.exec(href)?.[1];
  const bySort = sort ? SORT_FIELDS[sort] : undefined;
  if (bySort) return bySort;
  const key = headerKey(text(th));
  return key ? LABEL_FIELDS.find(([, words]) => words.includes(key))?.[0] : undefined;
}

function planColumns(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(HEADER_CELLS)).forEach((th, index) => {
    const field = fieldOfHeader(th);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function invoiceTable(doc: Document): { table: Element; columns: Map<Field, number> } | undefined {
  for (const table of Array.from(doc.querySelectorAll(TABLE))) {
    const columns = planColumns(table);
    if (columns.has('number') && columns.has('client')) return { table, columns };
  }
  return undefined;
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
  report.warn(`Akaunting: ${why} ${what} ${quote(shown)} ignored${date === 'ambiguous' ? ': this page proves both orders' : ''}.`);
  return undefined;
}

function readStatus(cell: Element | undefined, report: PageReport): InvoiceStatus | undefined {
  const badge = cell?.querySelector(BADGE);
  const shown = text(badge ?? cell);
  if (!shown) return undefined;
  const key = fold(shown);
  const status = STATUS_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(shown);
  if (status) return status;
  const byColour = badge ? Array.from(badge.classList).map((name) => BADGE_COLOURS[name]).find(Boolean) : undefined;
  report.warn(`Akaunting: unknown status ${quote(shown)}${byColour ? `, read as ${byColour} from its colour` : ''}.`);
  return byColour;
}

function readRow(cells: Element[], columns: Map<Field, number>, order: PageDateOrder, report: PageReport): InvoiceObservation | undefined {
  const cellOf = (field: Field): Element | undefined => {
    const index = columns.get(field);
    return index === undefined ? undefined : cells[index];
  };
  const numberCell = cellOf('number');
  const number = squish(text(numberCell?.querySelector(NUMBER_LINK) ?? numberCell).replace(/^[#№]\s*/, ''));
  if (!number) {
    report.warn('Akaunting: skipped invoices without a number.');
    return undefined;
  }
  const client = text(cellOf('client'));
  if (!client) {
    report.warn('Akaunting: skipped invoices with an empty customer cell.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(client), number: report.cap(number, 'invoice number') };
  const issued = readDay(cellOf('issued'), order, report, 'invoice date');
  if (issued) invoice.issued = issued;
  const due = readDay(cellOf('due'), order, report, 'due date');
  if (due) invoice.due = due;
  const shownAmount = text(cellOf('amount'));
  if (/\d/.test(shownAmount)) {
    const money = parseAmount(shownAmount);
    if (money && money !== 'invalid') {
      invoice.amount = money.value;
      if (money.currency) invoice.currency = money.currency;
    } else report.warn(`Akaunting: invalid amount ${quote(shownAmount)} ignored.`);
  }
  const status = readStatus(cellOf('status'), report);
  if (status) invoice.status = status;
  return invoice;
}

function* readInvoices(doc: Document, report: PageReport): Steps<void> {
  const found = invoiceTable(doc);
  if (!found) {
    report.warn('Akaunting: no invoices table with Number and Customer columns on this page.');
    return;
  }
  const { table, columns } = found;
  if (!columns.has('amount')) report.warn('Akaunting: the table has no Amount column, so billed amounts were not read.');
  if (!columns.has('due')) report.warn('Akaunting: the table has no Due Date column, so lateness cannot be read.');
  const rows = Array.from(table.querySelectorAll(BODY_ROWS)).map((row) => Array.from(row.children).filter((cell) => cell.localName === 'td'));
  const dates = rows.flatMap((cells) => [columns.get('issued'), columns.get('due')].map((index) => (index === undefined ? '' : text(cells[index]))));
  const order = pageDateOrder(dates, doc.documentElement?.getAttribute('lang') ?? '');
  let read = 0;
  for (const cells of rows) {
    if (report.full) {
      report.overflow();
      return;
    }
    // An empty list renders one row spanning the table ("No records.").
    if (cells.length < 2) continue;
    const invoice = readRow(cells, columns, order, report);
    if (invoice) report.add(invoice);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

export const akauntingInvoices: SiteReader = {
  id: 'akaunting-invoices',
  product: 'Akaunting',
  label: { en: 'Akaunting invoice list', ru: 'список счетов Akaunting' },
  reads: {
    en: 'Sales invoices: number, customer, invoice and due dates, amount, status',
    ru: 'Счета клиентам: номер, клиент, даты счёта и оплаты, сумма, статус',
  },
  detect(doc, url) {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    return LIST_PATH.test(path) && invoiceTable(doc) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readInvoices(doc, report);
  },
};
