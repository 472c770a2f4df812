import { parseAmount, type Money } from '../extract/amounts';
import { pageDateOrder, parseDateInOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf } from '../extract/vocabulary';
import type { InvoiceObservation } from '../model';
import type { SiteReader } from './types';

/*
 * SuiteCRM 7, the Invoices module (AOS_Invoices) list view (SITE_FACTS §8 "SuiteCRM 7"). Server
 * rendered; every data cell names its field (`td[field=<field>]`), so users' column choices and
 * order, and translations, do not matter. Dates and money follow the user's preferences.
 */

// Selectors (SITE_FACTS §8, blind suitecrm-invoices).
/** The list view's table (ListViewGeneric.tpl). Detail-view subpanels use it too, so the address decides. */
const LIST_TABLE = 'table.list.view';
/** Header cells; their row starts with two `td.td_alt` spacers, as data rows start with checkbox and edit cells. */
const HEADER_CELL = 'th[scope="col"]';
/** Data rows: `oddListRowS1` / `evenListRowS1`, or any body row whose cells name fields. */
const DATA_ROWS = 'tbody > tr';
/** A cell's field (lower case in SuiteCRM 7; upper case in some themes). */
const FIELD_ATTR = 'field';

/** Vardef names of AOS_Invoices (listviewdefs.php): Grand Total is `total_amount`; `total_amt` is before tax and discount. */
type Field = 'number' | 'account' | 'contact' | 'issued' | 'due' | 'amount' | 'discount' | 'status';
const FIELDS: Readonly<Record<string, Field>> = {
  number: 'number',
  billing_account: 'account',
  billing_account_name: 'account',
  billing_contact: 'contact',
  billing_contact_name: 'contact',
  invoice_date: 'issued',
  due_date: 'due',
  total_amount: 'amount',
  discount_amount: 'discount',
  status: 'status',
};
/** Header words for a cell without a field name. */
const LABELS: readonly [Field, readonly string[]][] = [
  ['number', ['number', 'invoice number', 'номер', 'номер счета']],
  ['account', ['billing account', 'account', 'контрагент', 'учетная запись плательщика', 'плательщик']],
  ['contact', ['billing contact', 'контакт плательщика']],
  ['issued', ['invoice date', 'дата счета']],
  ['due', INVOICE_HEADERS.due],
  ['amount', ['grand total', 'итого', 'общий итог']],
  ['discount', INVOICE_HEADERS.discount],
  ['status', INVOICE_HEADERS.status],
];

const ROWS_PER_CHUNK = 200;

/** index.php?module=AOS_Invoices&action=index (or ListView, or none), also behind the Ajax UI's #ajaxUILoc=. */
function isListAddress(url: string): boolean {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  const hash = new URLSearchParams(address.hash.replace(/^#/, ''));
  const inner = hash.get('ajaxUILoc');
  const query = inner ? new URLSearchParams(inner.replace(/^[^?]*\?/, '')) : address.searchParams;
  const action = (query.get('action') ?? 'index').toLowerCase();
  return query.get('module') === 'AOS_Invoices' && (action === 'index' || action === 'listview');
}

type Row = Map<Field, Element>;

function headerFields(table: Element): (Field | undefined)[] {
  const header = table.querySelector(HEADER_CELL)?.parentElement;
  if (!header) return [];
  return Array.from(header.children).map((cell) => {
    const key = headerKey(text(cell));
    return key ? LABELS.find(([, words]) => words.includes(key))?.[0] : undefined;
  });
}

function rowOf(element: Element, byHeader: (Field | undefined)[]): Row {
  const row: Row = new Map();
  Array.from(element.children).forEach((cell, index) => {
    const name = cell.getAttribute(FIELD_ATTR);
    const field = name ? FIELDS[name.toLowerCase()] : byHeader[index];
    if (field && !row.has(field)) row.set(field, cell);
  });
  return row;
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
  report.warn(`SuiteCRM: ${why} ${what} ${quote(shown)} ignored${date === 'ambiguous' ? ': this page proves both orders' : ''}.`);
  return undefined;
}

function readMoney(cell: Element | undefined, report: PageReport, what: string): Money | undefined {
  const shown = text(cell);
  if (!/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money && money !== 'invalid') return money;
  report.warn(`SuiteCRM: invalid ${what} ${quote(shown)} ignored.`);
  return undefined;
}

function readRow(row: Row, order: PageDateOrder, report: PageReport): InvoiceObservation | undefined {
  const number = squish(text(row.get('number')).replace(/^[#№]\s*/, ''));
  if (!number) {
    report.warn('SuiteCRM: skipped invoices without a number.');
    return undefined;
  }
  // The billed party: the Billing Account, or for an invoice to a person only, its Billing Contact.
  const client = text(row.get('account')) || text(row.get('contact'));
  if (!client) {
    report.warn('SuiteCRM: skipped invoices with neither a billing account nor a billing contact.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(client), number: report.cap(number, 'invoice number') };
  const issued = readDay(row.get('issued'), order, report, 'invoice date');
  if (issued) invoice.issued = issued;
  const due = readDay(row.get('due'), order, report, 'due date');
  if (due) invoice.due = due;
  const amount = readMoney(row.get('amount'), report, 'grand total');
  if (amount) {
    invoice.amount = amount.value;
    if (amount.currency) invoice.currency = amount.currency;
  }
  const discount = readMoney(row.get('discount'), report, 'discount');
  if (discount && discount.value !== 0) invoice.discount = Math.abs(discount.value);
  const statusText = text(row.get('status'));
  const status = statusText ? invoiceStatusOf(statusText) : undefined;
  if (status) invoice.status = status;
  else if (statusText) report.warn(`SuiteCRM: unknown status ${quote(statusText)}.`);
  return invoice;
}

function* readInvoices(doc: Document, report: PageReport): Steps<void> {
  const table = doc.querySelector(LIST_TABLE);
  if (!table) {
    report.warn('SuiteCRM: no invoice list view on this page.');
    return;
  }
  const byHeader = headerFields(table);
  const rows = Array.from(table.querySelectorAll(DATA_ROWS))
    .map((element) => rowOf(element, byHeader))
    .filter((row) => row.has('number'));
  if (rows.length && !rows.some((row) => row.has('amount'))) report.warn('SuiteCRM: the list has no Grand Total column, so billed amounts were not read.');
  if (rows.length && !rows.some((row) => row.has('due'))) report.warn('SuiteCRM: the list has no Due Date column, so lateness cannot be read.');
  const order = pageDateOrder(rows.flatMap((row) => [text(row.get('issued')), text(row.get('due'))]), doc.documentElement?.getAttribute('lang') ?? '');
  let read = 0;
  for (const row of rows) {
    if (report.full) {
      report.overflow();
      return;
    }
    const invoice = readRow(row, order, report);
    if (invoice) report.add(invoice);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

export const suitecrmInvoices: SiteReader = {
  id: 'suitecrm-invoices',
  product: 'SuiteCRM',
  label: { en: 'SuiteCRM invoice list', ru: 'список счетов SuiteCRM' },
  reads: {
    en: 'Invoices (AOS_Invoices): number, billing account, invoice and due dates, grand total, discount, status',
    ru: 'Счета (AOS_Invoices): номер, контрагент, даты счёта и оплаты, итог, скидка, статус',
  },
  detect(doc, url) {
    if (!isListAddress(url)) return undefined;
    const table = doc.querySelector(LIST_TABLE);
    return table && (table.querySelector(`td[${FIELD_ATTR}]`) || headerFields(table).includes('number')) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readInvoices(doc, report);
  },
};
