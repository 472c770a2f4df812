import { currencyOf, parseAmount, type Money } from '../extract/amounts';
import { parseDate, parseTimestamp, toIso } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { invoiceStatusOf, priorityOf, ticketStatusOf } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus, TicketObservation, TicketPriority, TicketStatus } from '../model';
import type { SiteReader } from './types';

/*
 * ERPNext on Frappe: the desk's list views of Sales Invoice and Issue (SITE_FACTS §8 "ERPNext /
 * Frappe list views"). Div rows, no table. Each field cell links to a filter on its own raw value,
 * `data-filter="<field>,=,<value>"`: ISO dates, plain numbers and the English status whatever the UI
 * language, so fields are read by name from there and columns may be reordered or translated. The
 * list refreshes in real time; each row is keyed by its document name (ACC-SINV-…, ISS-…).
 */

// Selectors (SITE_FACTS §8, blind erpnext-sales-invoices, erpnext-sales-invoices-ru, erpnext-issues).
/** Frappe keeps visited pages in the DOM, hidden: only the container of this route's list is read. */
const PAGE_OF_ROUTE = (route: string): string => `.page-container[data-page-route="${route}"]`;
const LIST = '.frappe-list';
/** The header row; an empty list still has it. */
const HEADER = 'header.list-row-head, .list-row-head';
/** One row per document (`div.level.list-row` inside a focusable container). */
const ROWS = '.list-row-container > .list-row';
/** The document name: the row checkbox's and the title link's `data-name`. */
const DOC_NAME = 'input.list-row-checkbox[data-name], a[data-name]';
/** The title link in the subject column; for a Sales Invoice its text is the customer by default. */
const TITLE_LINK = '.list-subject a[data-name], a[data-name]';
/** Field cells and status pills: the raw value in `data-filter`. */
const FILTERABLE = '[data-filter]';
/** Status pills (`indicator-pill`, v13+; `indicator`, older), coloured by class. */
const STATUS_PILL = '.indicator-pill, .indicator';
/** Field cells' spans say "Label: value" in `title`, the visible text is formatted ("$ 640.00"). */
const TITLED_SPAN = 'span[title]';
/** Any row's cell filtering on a field: tells a list with that column (some cells empty) from one without. */
const FIELD_CELL = (field: string): string => `[data-filter^="${field},=,"]`;
/** Indicator colour classes (frappe indicator.css). */
const PILL_COLOURS = new Set(['gray', 'grey', 'darkgrey', 'red', 'orange', 'yellow', 'green', 'blue', 'light-blue', 'purple', 'pink', 'cyan']);

const ROWS_PER_CHUNK = 200;

/** "customer,=,Acme, Inc." → field and raw value; the value may hold commas, the separator is the first ",=,". */
function splitFilter(raw: string): [string, string] | undefined {
  const at = raw.indexOf(',=,');
  return at > 0 ? [raw.slice(0, at), raw.slice(at + 3)] : undefined;
}

type FilterCell = { value: string; element: Element };

/** A row's filterable values by field name, first one wins. */
function rowFields(row: Element): Map<string, FilterCell> {
  const fields = new Map<string, FilterCell>();
  for (const element of Array.from(row.querySelectorAll(FILTERABLE))) {
    const split = splitFilter(element.getAttribute('data-filter') ?? '');
    if (split && !fields.has(split[0])) fields.set(split[0], { value: split[1], element });
  }
  return fields;
}

function docName(row: Element): string {
  return squish(row.querySelector(DOC_NAME)?.getAttribute('data-name') ?? '');
}

/** The route's list (a hidden, earlier page of another doctype is ignored), else the only list there is. */
function listOf(doc: Document, route: string): Element | undefined {
  const page = doc.querySelector(PAGE_OF_ROUTE(route));
  const list = (page ?? doc).querySelector(LIST);
  return list && list.querySelector(HEADER) ? list : undefined;
}

/** /app/<slug>, /app/<slug>/view/list, and the older /desk#List/<Doctype>/List; never a document or a report view. */
function routeMatches(url: string, slug: string, doctype: string): boolean {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  if (new RegExp(`^/app/${slug}(?:/view/list)?/?$`).test(address.pathname)) return true;
  if (!/^\/desk\/?$/.test(address.pathname)) return false;
  let hash: string;
  try {
    hash = decodeURIComponent(address.hash);
  } catch {
    return false;
  }
  return new RegExp(`^#List/${doctype}(?:/List)?/?$`).test(hash);
}

/** The visible value of a field cell: its span's "Label: value" title, else its text. */
function shownValue(cell: FilterCell): string {
  const title = cell.element.querySelector(TITLED_SPAN)?.getAttribute('title') ?? '';
  const colon = title.indexOf(': ');
  return squish(colon >= 0 ? title.slice(colon + 2) : '') || text(cell.element);
}

function quote(value: string): string {
  return `"${value.slice(0, 60)}"`;
}

/** A raw date ("2026-03-09", or with a time) from data-filter; visible text only as a last resort. */
function readDay(cell: FilterCell | undefined, report: PageReport, what: string): string | undefined {
  if (!cell) return undefined;
  const raw = parseTimestamp(cell.value);
  if (raw && raw !== 'invalid') return raw.date;
  const shown = parseDate(shownValue(cell), 'dmy');
  if (shown && shown !== 'invalid') return shown.date;
  report.warn(`ERPNext: unreadable ${what} ${quote(cell.value)} ignored.`);
  return undefined;
}

/** A raw number from data-filter ("640.0"), its currency from the formatted text ("$ 640.00", "9 900,00 ₽"). */
function readMoney(cell: FilterCell | undefined, report: PageReport, what: string): Money | undefined {
  if (!cell) return undefined;
  const shown = shownValue(cell);
  const currency = currencyOf(shown);
  const raw = Number(cell.value);
  if (cell.value.trim() !== '' && Number.isFinite(raw)) return currency ? { value: raw, currency } : { value: raw };
  const parsed = parseAmount(shown);
  if (parsed && parsed !== 'invalid') return parsed;
  report.warn(`ERPNext: invalid ${what} ${quote(cell.value)} ignored.`);
  return undefined;
}

/** The status pill: raw English status in data-filter, its colour class, and its translated label. */
function statusPill(row: Element): { raw: string; colour?: string; label: string } | undefined {
  const pill = row.querySelector(STATUS_PILL);
  if (!pill) return undefined;
  const raw = splitFilter(pill.getAttribute('data-filter') ?? '')?.[1] ?? '';
  const colour = Array.from(pill.classList).find((name) => PILL_COLOURS.has(name));
  return { raw: squish(raw), label: text(pill), ...(colour ? { colour } : {}) };
}

// ─── Sales Invoice ─────────────────────────────────────────────────────────────────────────────

/**
 * Sales Invoice statuses by their leading words (erpnext sales_invoice_list.js): "Overdue and
 * Discounted" is overdue. Return and Credit Note Issued are not payment states.
 */
const INVOICE_STATUSES: readonly [RegExp, InvoiceStatus][] = [
  [/^draft\b/, 'draft'],
  [/^partly paid\b/, 'partial'],
  [/^paid\b/, 'paid'],
  [/^unpaid\b/, 'open'],
  [/^overdue\b/, 'overdue'],
  [/^cancel(?:l)?ed\b/, 'void'],
];
/** Statuses that say what the document is, not whether it was paid: a credit note, or an invoice credited back. */
const NOT_PAYMENT = /^(?:return|credit note issued|internal transfer)\b/;
/** Pill colours that mean one status only (Cancelled and Overdue are both red; Draft and Return both grey). */
const INVOICE_COLOURS: Readonly<Record<string, InvoiceStatus>> = { green: 'paid', orange: 'open', yellow: 'partial' };

const BILLED_FIELDS = ['grand_total', 'rounded_total', 'base_grand_total', 'base_rounded_total'];
const OWED_FIELD = 'outstanding_amount';

/** The pill's raw status, else its colour, else what is still owed (> 0 unpaid, 0 paid). */
function invoiceStatus(row: Element, owed: number | undefined, number: string, report: PageReport): InvoiceStatus | undefined {
  const pill = statusPill(row);
  if (pill) {
    const raw = fold(pill.raw);
    const known = INVOICE_STATUSES.find(([pattern]) => pattern.test(raw))?.[1] ?? (pill.raw ? undefined : invoiceStatusOf(pill.label));
    if (known) return known;
    if (NOT_PAYMENT.test(raw)) {
      // Its outstanding amount was settled by a credit, not by a payment: it proves nothing either.
      report.warn(`ERPNext: status ${quote(pill.raw)} of ${number} is not a payment status; left unset.`);
      return undefined;
    }
    const byColour = pill.raw || !pill.colour ? undefined : INVOICE_COLOURS[pill.colour];
    if (byColour) return byColour;
    report.warn(`ERPNext: unknown status ${quote(pill.raw || pill.label)} of ${number}.`);
  }
  if (owed !== undefined && owed > 0) return 'open';
  if (owed === 0) return 'paid';
  return undefined;
}

function readInvoice(row: Element, hasCustomerColumn: boolean, report: PageReport): InvoiceObservation | undefined {
  const number = docName(row);
  if (!number) {
    report.warn('ERPNext: skipped a Sales Invoice row without a document name.');
    return undefined;
  }
  const fields = rowFields(row);
  // The customer column's raw value; without that column the title, which ERPNext sets to the customer.
  const customer = fields.get('customer')?.value ?? (hasCustomerColumn ? '' : squish(row.querySelector(TITLE_LINK)?.getAttribute('title') ?? text(row.querySelector(TITLE_LINK))));
  if (!squish(customer)) {
    report.warn('ERPNext: skipped Sales Invoices with an empty Customer cell.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(squish(customer)), number: report.cap(number, 'invoice number') };
  const issued = readDay(fields.get('posting_date'), report, 'posting date');
  if (issued) invoice.issued = issued;
  const due = readDay(fields.get('due_date'), report, 'due date');
  if (due) invoice.due = due;
  const billedField = BILLED_FIELDS.find((field) => fields.has(field));
  if (!billedField) report.warn('ERPNext: the list shows no Grand Total, so billed amounts were not read.');
  if (!fields.has('due_date')) report.warn('ERPNext: the list shows no Due Date, so lateness cannot be read.');
  const billed = billedField ? readMoney(fields.get(billedField), report, 'grand total') : undefined;
  const owed = readMoney(fields.get(OWED_FIELD), report, 'outstanding amount');
  if (billed) invoice.amount = billed.value;
  const currency = fields.get('currency')?.value.toUpperCase() ?? billed?.currency ?? owed?.currency;
  if (currency && /^[A-Z]{3}$/.test(currency)) invoice.currency = currency;
  const status = invoiceStatus(row, owed?.value, number, report);
  if (status) invoice.status = status;
  return invoice;
}

// ─── Issue ─────────────────────────────────────────────────────────────────────────────────────

/** Issue statuses (erpnext issue_list.js and the Issue doctype): Replied waits on the customer. */
const ISSUE_STATUSES: Readonly<Record<string, TicketStatus>> = { open: 'open', replied: 'pending', 'on hold': 'pending', paused: 'pending', resolved: 'solved', closed: 'closed' };
/** An Open issue's pill is coloured by its priority: the only priority a list without that column shows. */
const PRIORITY_COLOURS: Readonly<Record<string, TicketPriority>> = { yellow: 'low', orange: 'normal', red: 'high' };

function readIssue(row: Element, hasCustomerColumn: boolean, report: PageReport): TicketObservation | undefined {
  const id = docName(row);
  if (!id) {
    report.warn('ERPNext: skipped an Issue row without a document name.');
    return undefined;
  }
  const fields = rowFields(row);
  const customer = squish(fields.get('customer')?.value ?? '');
  if (!customer) {
    report.warn(hasCustomerColumn ? 'ERPNext: skipped Issues with an empty Customer cell.' : 'ERPNext: the Issue list has no Customer column; add it to read issues.');
    return undefined;
  }
  // Opening Date (+ Opening Time) is when the issue was raised; the row's right-hand time is its last change.
  const opened = fields.get('opening_date') ?? fields.get('creation');
  const date = opened ? parseTimestamp(opened.value) : undefined;
  if (!date || date === 'invalid') {
    report.warn('ERPNext: skipped Issues without a readable Opening Date (add the column to read them).');
    return undefined;
  }
  const time = fields.get('opening_time')?.value.match(/^(\d{2}:\d{2}(?::\d{2})?)/)?.[1];
  const created = date.time ? toIso(date) : time ? `${date.date}T${time}` : date.date;
  const ticket: TicketObservation = { kind: 'ticket', client: report.client(customer), id: report.cap(id, 'issue id'), created };
  const pill = statusPill(row);
  const statusRaw = fields.get('status')?.value ?? pill?.raw ?? '';
  const status = ISSUE_STATUSES[fold(statusRaw)] ?? (statusRaw ? undefined : ticketStatusOf(pill?.label ?? ''));
  if (status) ticket.status = status;
  else if (statusRaw || pill?.label) report.warn(`ERPNext: unknown Issue status ${quote(statusRaw || pill?.label || '')}.`);
  const priorityRaw = fields.get('priority')?.value;
  const priority = priorityRaw ? priorityOf(priorityRaw) : status === 'open' && pill?.colour ? PRIORITY_COLOURS[pill.colour] : undefined;
  if (priority) ticket.priority = priority;
  else if (priorityRaw) report.warn(`ERPNext: unknown Issue priority ${quote(priorityRaw)}.`);
  const subject = squish(fields.get('subject')?.value ?? row.querySelector(TITLE_LINK)?.getAttribute('title') ?? text(row.querySelector(TITLE_LINK)));
  if (subject) ticket.subject = report.cap(subject, 'issue subject');
  return ticket;
}

// ─── The two readers ───────────────────────────────────────────────────────────────────────────

function* readRows<T extends InvoiceObservation | TicketObservation>(
  doc: Document,
  route: string,
  customerField: string,
  readRow: (row: Element, hasCustomerColumn: boolean, report: PageReport) => T | undefined,
  report: PageReport,
): Steps<void> {
  const list = listOf(doc, route);
  if (!list) {
    report.warn('ERPNext: no list on this page.');
    return;
  }
  const hasCustomerColumn = list.querySelector(FIELD_CELL(customerField)) !== null;
  let read = 0;
  for (const row of Array.from(list.querySelectorAll(ROWS))) {
    if (report.full) {
      report.overflow();
      return;
    }
    const item = readRow(row, hasCustomerColumn, report);
    if (item) report.add(item);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
}

const SALES_INVOICE_ROUTE = 'List/Sales Invoice/List';
const ISSUE_ROUTE = 'List/Issue/List';

// ERPNext Cloud sites live on <name>.erpnext.com and Frappe Cloud on <name>.frappe.cloud; self-hosted ones anywhere.
const ERPNEXT_HOSTS = /(?:^|\.)(?:erpnext\.com|frappe\.cloud)$/i;

export const erpnextSalesInvoices: SiteReader = {
  id: 'erpnext-sales-invoices',
  product: 'ERPNext',
  label: { en: 'ERPNext Sales Invoice list', ru: 'список счетов продажи ERPNext' },
  reads: {
    en: 'Sales Invoices: number, customer, posting and due dates, grand total, status (Unpaid, Overdue, Partly Paid, Paid…)',
    ru: 'Счета продажи: номер, клиент, даты проводки и оплаты, итог, статус (не оплачен, просрочен, частично оплачен…)',
  },
  hosts: ERPNEXT_HOSTS,
  detect(doc, url) {
    return routeMatches(url, 'sales-invoice', 'Sales Invoice') && listOf(doc, SALES_INVOICE_ROUTE) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readRows(doc, SALES_INVOICE_ROUTE, 'customer', readInvoice, report);
  },
};

export const erpnextIssues: SiteReader = {
  id: 'erpnext-issues',
  product: 'ERPNext',
  label: { en: 'ERPNext Issue list', ru: 'список обращений ERPNext' },
  reads: {
    en: 'Issues: id, customer, opening date, status, priority, subject',
    ru: 'Обращения: номер, клиент, дата открытия, статус, приоритет, тема',
  },
  hosts: ERPNEXT_HOSTS,
  detect(doc, url) {
    return routeMatches(url, 'issue', 'Issue') && listOf(doc, ISSUE_ROUTE) ? 'ticket-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    yield* readRows(doc, ISSUE_ROUTE, 'customer', readIssue, report);
  },
};
