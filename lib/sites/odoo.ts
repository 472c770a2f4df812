import { parseAmount, type Money } from '../extract/amounts';
import { pageDateOrder, parseDateInOrder, parseRelative, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';

/*
 * Odoo 16/17 backend, Customer Invoices (the account.move list view; SITE_FACTS §8 "Odoo 16/17
 * backend"). An OWL single-page app: search, filters, grouping and paging redraw the table in
 * place, and the content script reads it again; every row is keyed by its invoice number, which
 * is what the store keys on, so rows seen on several pages add up and none is stored twice.
 */

// Selectors (SITE_FACTS §8 "Odoo 16/17 backend", blind odoo-invoices and odoo-invoices-grouped-ru).
/** The list renderer's table; kanban, form and pivot views have none. */
const LIST_TABLE = '.o_list_renderer table.o_list_table';
/** Header cells, with the field name in `data-name` (the record selector column has none). */
const HEADER_CELLS = 'thead > tr > th';
/** A header's label sits in a span beside the sort caret. */
const HEADER_LABEL = '.d-flex > span, span';
/** Record rows; group headers and the footer's sums (`tfoot`) are not records. */
const DATA_ROWS = 'tbody > tr.o_data_row';
/** Group header rows of a grouped list: "Label (count)", `o_group_open` when unfolded. */
const GROUP_ROWS = 'tbody > tr.o_group_header';
const GROUP_NAME = 'th.o_group_name, th';
const OPEN_GROUP = 'o_group_open';
/** The remaining_days widget shows "In 3 days" / "Yesterday" and keeps the absolute date in `title`. */
const TITLED = '[title]';
/** The remaining_days widget paints a past due date red (bold `text-danger`); only unpaid invoices show one. */
const LATE_MARK = '.text-danger';
/** Status cells hold a badge (`o_field_badge`); its text is the label. */
const BADGE = '.badge';
/** Row decorations of account.move lists: drafts blue (`text-info`), cancelled grey (`text-muted`). */
const DRAFT_ROW = 'text-info';
const CANCELLED_ROW = 'text-muted';
/** The breadcrumb's last item names the action: "Invoices", "Credit Notes" — or "Bills". */
const BREADCRUMB = '.o_breadcrumb .active, .o_last_breadcrumb_item, .breadcrumb-item.active';

/**
 * Fields of account.move lists by their technical names (th[data-name], td[name]): the same in
 * every language. Best first: the total in the invoice's own currency beats the company-currency one.
 */
const FIELD_NAMES = {
  number: ['name'],
  client: ['invoice_partner_display_name', 'partner_id', 'commercial_partner_id'],
  issued: ['invoice_date'],
  due: ['invoice_date_due'],
  total: ['amount_total_in_currency_signed', 'amount_total_signed', 'amount_total'],
  owed: ['amount_residual_signed', 'amount_residual'],
  payment: ['payment_state', 'status_in_payment'],
  state: ['state'],
} as const;
type Field = keyof typeof FIELD_NAMES;

/** Field and rank (0 best) of each technical name. */
const FIELD_BY_NAME: ReadonlyMap<string, { field: Field; rank: number }> = new Map(
  (Object.entries(FIELD_NAMES) as [Field, readonly string[]][]).flatMap(([field, names]) => names.map((name, rank) => [name, { field, rank }] as const)),
);
/** The partner column's header, whose label says Customer or Vendor. */
const PARTNER_HEADER = FIELD_NAMES.client.map((name) => `th[data-name="${name}"]`).join(', ');

/** Odoo's Russian "Amount Due", beside the shared words for what is still owed (never the billed total). */
const OWED_LABELS = new Set(['сумма к оплате']);
/** A header without a data-name (a customised view) is read by its label. */
const LABEL_FIELDS: readonly [Field, readonly string[]][] = [
  ['number', INVOICE_HEADERS.number],
  ['client', INVOICE_HEADERS.client],
  ['issued', INVOICE_HEADERS.issued],
  ['due', INVOICE_HEADERS.due],
  ['total', INVOICE_HEADERS.amount],
  ['payment', ['payment status', 'payment state', 'статус оплаты']],
  ['state', INVOICE_HEADERS.status],
];

/** payment_state / status_in_payment labels the shared words lack. */
const PAYMENT_WORDS: readonly [RegExp, InvoiceStatus][] = [
  // In payment: the customer paid, the bank statement is not reconciled yet.
  [/^(?:in payment|в процессе оплаты|в оплате)$/, 'paid'],
  [/^(?:reversed|сторнирован[оа]?|сторно)$/, 'void'],
  [/^(?:cancel(?:l)?ed|отменен[оа]?)$/, 'void'],
];
/** "Posted" is the accounting state, not a payment status: it proves nothing about payment. */
const POSTED = /^(?:posted|проведен[оа]?|разнесен[оа]?)$/;

/** Lists of vendor bills share the model; their routes, breadcrumb and partner column say so. */
const VENDOR_WORDS = /bill|vendor|supplier|purchase|поставщ|закупк|расход/i;
const VENDOR_ROUTE = /bill|vendor|supplier|action_move_in_/i;
/** A record's own page in 17.2+ routes ends in its id (or "new"). */
const RECORD_SEGMENT = /^(?:\d+|new)$/;

const ROWS_PER_CHUNK = 200;

type Columns = Map<Field, number>;
type Row = { cells: Element[]; byName: Map<Field, Element>; element: Element };

/** Keeps, per field, the best-ranked of the candidates seen (the first one among equals). */
function keepBest<T>(into: Map<Field, T>, ranks: Map<Field, number>, field: Field, rank: number, value: T): void {
  if ((ranks.get(field) ?? Number.POSITIVE_INFINITY) <= rank) return;
  ranks.set(field, rank);
  into.set(field, value);
}

/** The invoice list's address: /web#…model=account.move&view_type=list (16/17) or /odoo/<action> (17.2+). */
function isListAddress(url: string): boolean {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  const hash = new URLSearchParams(address.hash.replace(/^#/, ''));
  const model = hash.get('model');
  const view = hash.get('view_type');
  if ((model && model !== 'account.move') || (view && view !== 'list') || hash.has('id')) return false;
  if (/^\/web\/?$/.test(address.pathname)) return true;
  const route = /^\/odoo\/(.+?)\/?$/.exec(address.pathname)?.[1];
  if (!route) return false;
  const segments = route.split('/');
  return !RECORD_SEGMENT.test(segments[segments.length - 1] ?? '') && !segments.some((segment) => VENDOR_ROUTE.test(segment));
}

function headerLabel(th: Element): string {
  return text(th.querySelector(HEADER_LABEL)) || text(th);
}

function fieldOfLabel(label: string): Field | undefined {
  const key = headerKey(label);
  if (!key) return undefined;
  if (OWED_HEADERS.has(key) || OWED_LABELS.has(key)) return 'owed';
  return LABEL_FIELDS.find(([, words]) => words.includes(key))?.[0];
}

/** Column positions by field: data-name first, the label where a header has none. */
function planColumns(table: Element): Columns {
  const columns: Columns = new Map();
  const ranks = new Map<Field, number>();
  Array.from(table.querySelectorAll(HEADER_CELLS)).forEach((th, index) => {
    const name = th.getAttribute('data-name');
    const named = name ? FIELD_BY_NAME.get(name) : undefined;
    const labelled = name ? undefined : fieldOfLabel(headerLabel(th));
    // A label is a weaker witness than a technical name.
    if (named) keepBest(columns, ranks, named.field, named.rank, index);
    else if (labelled) keepBest(columns, ranks, labelled, 100, index);
  });
  return columns;
}

function isVendorList(doc: Document, table: Element): boolean {
  const breadcrumb = text(doc.querySelector(BREADCRUMB));
  const partner = table.querySelector(PARTNER_HEADER);
  return VENDOR_WORDS.test(breadcrumb) || (partner !== null && VENDOR_WORDS.test(headerLabel(partner)));
}

/** An invoice list shows the invoice number and either a due date or what is still owed. */
function invoiceTable(doc: Document): Element | undefined {
  const table = doc.querySelector(LIST_TABLE);
  if (!table) return undefined;
  const columns = planColumns(table);
  if (!columns.has('number') || !(columns.has('due') || columns.has('owed'))) return undefined;
  return isVendorList(doc, table) ? undefined : table;
}

function rowOf(element: Element): Row {
  const cells = Array.from(element.children).filter((cell) => cell.localName === 'td');
  const byName = new Map<Field, Element>();
  const ranks = new Map<Field, number>();
  for (const cell of cells) {
    const named = FIELD_BY_NAME.get(cell.getAttribute('name') ?? '');
    if (named) keepBest(byName, ranks, named.field, named.rank, cell);
  }
  return { cells, byName, element };
}

function cellOf(row: Row, columns: Columns, field: Field): Element | undefined {
  const named = row.byName.get(field);
  if (named) return named;
  const index = columns.get(field);
  return index === undefined ? undefined : row.cells[index];
}

/** Every date as the page prints it (invoice dates, due-date titles), for one decision on day or month first. */
function pageDates(table: Element, columns: Columns): string[] {
  const values: string[] = [];
  for (const element of Array.from(table.querySelectorAll(DATA_ROWS))) {
    const row = rowOf(element);
    for (const field of ['issued', 'due'] as const) {
      const cell = cellOf(row, columns, field);
      if (!cell) continue;
      values.push(cell.querySelector(TITLED)?.getAttribute('title') ?? text(cell));
    }
  }
  return values;
}

function quote(value: string): string {
  return `"${value.slice(0, 60)}"`;
}

/** A calendar date from a date cell: the widget's title (absolute) first, then its text, absolute or relative. */
function readDay(cell: Element | undefined, order: PageDateOrder, now: Date, report: PageReport, what: string): string | undefined {
  if (!cell) return undefined;
  const title = squish(cell.querySelector(TITLED)?.getAttribute('title') ?? '');
  const shown = text(cell);
  for (const value of [title, shown]) {
    if (!value) continue;
    const date = parseDateInOrder(value, order);
    if (date === 'invalid' || date === 'ambiguous') {
      report.warn(`Odoo: ${date === 'invalid' ? 'invalid' : 'day-or-month-first'} ${what} ${quote(value)} ignored${date === 'ambiguous' ? ': this page proves both orders' : ''}.`);
      return undefined;
    }
    if (date) return date.date;
  }
  if (!shown) return undefined;
  // "Через 8 дн." / "19 дн. назад": the abbreviation's dot is not part of the unit.
  const relative = parseRelative(shown.replace(/\.(?=\s|$)/g, ''), now);
  if (relative) return relative.date;
  report.warn(`Odoo: unreadable ${what} ${quote(shown)} ignored.`);
  return undefined;
}

function readMoney(cell: Element | undefined, report: PageReport, what: string): Money | undefined {
  const shown = text(cell);
  if (!/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money === undefined || money === 'invalid') {
    report.warn(`Odoo: invalid ${what} ${quote(shown)} ignored.`);
    return undefined;
  }
  return money;
}

type StatusWord = InvoiceStatus | 'posted';

function statusWord(raw: string): StatusWord | undefined {
  const key = fold(raw);
  if (POSTED.test(key)) return 'posted';
  return PAYMENT_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(raw);
}

function badgeText(cell: Element | undefined): string {
  if (!cell) return '';
  return text(cell.querySelector(BADGE)) || text(cell);
}

/** Every badge of a cell ("Posted" and "Paid" side by side in one Status cell), or its text when it has none. */
function badgeTexts(cell: Element | undefined): string[] {
  if (!cell) return [];
  const badges = [...cell.querySelectorAll(BADGE)].map((badge) => text(badge)).filter(Boolean);
  return badges.length ? badges : [text(cell)].filter(Boolean);
}

/**
 * The status, from what the row shows: a draft or cancelled state first; then the payment badge
 * (its own column, or a payment badge beside "Posted" in the status cell); then what is still owed
 * (0 paid, less than the total partial, else unpaid, overdue when the due date is red); then the
 * row's colour.
 */
function readStatus(row: Row, columns: Columns, total: Money | undefined, owed: Money | undefined, late: boolean, report: PageReport): InvoiceStatus | undefined {
  const stateTexts = badgeTexts(cellOf(row, columns, 'state'));
  const stateWords = stateTexts.map(statusWord);
  const stateText = stateTexts[0] ?? '';
  const state = stateWords.find((word) => word === 'draft' || word === 'void');
  if (state === 'draft' || state === 'void') return state;
  const paymentText = badgeText(cellOf(row, columns, 'payment'));
  const payment = paymentText ? statusWord(paymentText) : undefined;
  if (payment && payment !== 'posted') return payment;
  if (paymentText && !payment) report.warn(`Odoo: unknown payment status ${quote(paymentText)}; its invoices have no status.`);
  // Two badges in the status cell (the posting state and the payment one): the payment one wins.
  const besidePosted = stateWords.find((word) => word !== undefined && word !== 'posted');
  if (besidePosted && besidePosted !== 'draft' && besidePosted !== 'void') return besidePosted;
  if (stateText && stateWords.every((word) => word === undefined)) report.warn(`Odoo: unknown status ${quote(stateText)}.`);
  if (owed && owed.value > 0) return total && total.value > owed.value ? 'partial' : late ? 'overdue' : 'open';
  if (owed && owed.value === 0) return 'paid';
  if (late) return 'overdue';
  if (!stateText && row.element.classList.contains(DRAFT_ROW)) return 'draft';
  if (!stateText && row.element.classList.contains(CANCELLED_ROW)) return 'void';
  return undefined;
}

function readRow(row: Row, columns: Columns, order: PageDateOrder, now: Date, report: PageReport): InvoiceObservation | undefined {
  const number = squish(text(cellOf(row, columns, 'number')).replace(/^[#№]\s*/, ''));
  // A draft has no number yet ("/"); drafts count nowhere, and its number will change when posted.
  if (!number || number === '/') {
    report.warn('Odoo: skipped rows without an invoice number (drafts not yet posted).');
    return undefined;
  }
  const clientName = text(cellOf(row, columns, 'client'));
  if (!clientName) {
    report.warn(columns.has('client') ? 'Odoo: skipped invoices with an empty customer cell.' : 'Odoo: the list has no customer column; add it to read invoices.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(clientName), number: report.cap(number, 'invoice number') };
  const issued = readDay(cellOf(row, columns, 'issued'), order, now, report, 'invoice date');
  if (issued) invoice.issued = issued;
  const dueCell = cellOf(row, columns, 'due');
  const due = readDay(dueCell, order, now, report, 'due date');
  if (due) invoice.due = due;
  const total = readMoney(cellOf(row, columns, 'total'), report, 'total');
  const owed = readMoney(cellOf(row, columns, 'owed'), report, 'amount due');
  if (total) invoice.amount = total.value;
  const currency = total?.currency ?? owed?.currency;
  if (currency) invoice.currency = currency;
  const late = due !== undefined && dueCell?.querySelector(LATE_MARK) !== null;
  const status = readStatus(row, columns, total, owed, late, report);
  if (status) invoice.status = status;
  return invoice;
}

/** Folded groups keep their rows out of the DOM: say how many invoices were not there to read. */
function warnFoldedGroups(table: Element, report: PageReport): void {
  const folded = Array.from(table.querySelectorAll(GROUP_ROWS)).filter((row) => !row.classList.contains(OPEN_GROUP));
  if (folded.length === 0) return;
  const hidden = folded.reduce((sum, row) => sum + Number(/\((\d+)\)\s*$/.exec(text(row.querySelector(GROUP_NAME)))?.[1] ?? 0), 0);
  report.warn(`Odoo: ${folded.length} folded group(s)${hidden ? ` (${hidden} invoices)` : ''} not read; unfold them to read their invoices.`);
}

function* readList(doc: Document, now: Date, report: PageReport): Steps<void> {
  const table = invoiceTable(doc);
  if (!table) {
    report.warn('Odoo: no customer invoice list on this page.');
    return;
  }
  const columns = planColumns(table);
  if (!columns.has('total')) report.warn('Odoo: the list has no Total column, so billed amounts were not read.');
  if (!columns.has('due')) report.warn('Odoo: the list has no Due Date column, so lateness cannot be read.');
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  const order = pageDateOrder(pageDates(table, columns), lang);
  warnFoldedGroups(table, report);
  let read = 0;
  for (const element of Array.from(table.querySelectorAll(DATA_ROWS))) {
    if (report.full) {
      report.overflow();
      return;
    }
    const invoice = readRow(rowOf(element), columns, order, now, report);
    if (invoice) report.add(invoice);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

export const odooInvoices: SiteReader = {
  id: 'odoo-invoices',
  product: 'Odoo',
  label: { en: 'Odoo invoice list', ru: 'список счетов Odoo' },
  reads: {
    en: 'Customer invoices (backend list, grouped too): number, customer, invoice and due dates, total, payment status',
    ru: 'Счета клиентам (список в бэкенде, и с группировкой): номер, клиент, даты счёта и оплаты, сумма, статус оплаты',
  },
  // Odoo Online databases live on <name>.odoo.com; self-hosted ones anywhere (often on :8069).
  hosts: /(?:^|\.)odoo\.com$/i,
  detect(doc, url) {
    return isListAddress(url) && invoiceTable(doc) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { now, report }) {
    yield* readList(doc, now, report);
  },
};
