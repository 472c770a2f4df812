import { parseAmount, type Money } from '../extract/amounts';
import { pageDateOrder, parseDateInOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import type { Steps } from '../extract/steps';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, OWED_HEADERS } from '../extract/vocabulary';
import type { ClientRef, InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';

/*
 * The Odoo customer portal's "Invoices & Bills" list (/my/invoices; SITE_FACTS §1). The page is
 * about one client, the signed-in customer: every row is theirs, and the page's subject is the
 * company in the "Your details" card. The amount column is Amount Due (the residual), so no billed
 * amount is read; a red due date is the only overdue mark.
 */

// Selectors (SITE_FACTS §1, blind odoo-portal-invoices, pages/odoo-portal-invoices).
/** Header cells name their column in `name` (invoice_number, invoice_date, due_date, amount_due, status). */
const NAMED_HEADER = 'th[name="invoice_number"]';
/** The list's table (portal.portal_table); older portals have no `name` on header cells. */
const PORTAL_TABLE = 'table.o_portal_my_doc_table, .o_portal_my_doc_table table, .o_portal_wrap table, #wrap table';
/** Marks of the portal layout around the list. */
const PORTAL_MARKS = '.o_portal, .o_portal_wrap, .o_portal_submenu, .o_portal_my_doc_table';
const HEADER_CELLS = 'thead > tr > th';
const BODY_ROWS = 'tbody > tr';
/** The number links to the invoice; its `title` is the number, "/" for a draft (whose text is "Draft Invoice"). */
const NUMBER_LINK = 'a[title], a';
/** A draft's "Draft Invoice" is set in italics instead of a number. */
const DRAFT_MARK = 'em';
/** The badge's words sit in a span hidden on small screens; the icon carries a label too. */
const BADGE = '.badge';
const ICON_LABEL = '[aria-label], [title]';
/** The due date's cell turns red (`text-danger`) when unpaid and past due: the list's only overdue mark. */
const LATE_CLASS = 'text-danger';
/** The signed-in customer: the details card's name (schema.org Organization), its VAT line. */
const DETAILS = '.o_portal_my_details';
const DETAILS_NAME = '[itemprop="name"]';
/** Lines of a card without schema.org markup ("Company: Gemini Furniture", pages/odoo-portal-invoices). */
const DETAILS_LINES = 'div, span, p';
/** The navbar's user menu: the customer's own login, used only when the card names no company. */
const USER_NAME = 'header .o_no_autohide_item .dropdown-toggle > span, header .o_user_name, .o_user_name';
/** The empty list's notice ("There are currently no invoices and payments for your account."). */
const EMPTY_NOTICE = '.o_portal p.alert, .o_portal_wrap p.alert, #wrap p.alert-warning';

/** /my/invoices, page n, and the same under a website language prefix (/ru/my/invoices). Not one invoice's page. */
const LIST_PATH = /^(?:\/[a-z]{2,3}(?:[_-][a-z0-9]{2,4})?)?\/my\/invoices(?:\/page\/\d+)?\/?$/i;

type Field = 'number' | 'issued' | 'due' | 'owed' | 'status';

/** Header `name`s and the cells' own names (td[name=invoice_amount], td[name=invoice_status]). */
const NAMES: Readonly<Record<string, Field>> = {
  invoice_number: 'number',
  invoice_date: 'issued',
  due_date: 'due',
  amount_due: 'owed',
  invoice_amount: 'owed',
  status: 'status',
  invoice_status: 'status',
};
/** The portal's Russian "Amount Due", beside the shared words for what is still owed. */
const OWED_LABELS = new Set(['сумма к оплате']);

/** Portal badge words the shared vocabulary lacks. */
const STATUS_WORDS: readonly [RegExp, InvoiceStatus][] = [
  // The customer's payment is on its way (in_payment): paid on their side.
  [/^(?:processing payment|processing_payment|в процессе оплаты|обработка платежа)$/, 'paid'],
  [/^(?:сторнирован[оа]?|сторно)$/, 'void'],
];

/** "VAT: NL859123456B01", "УНП 190123456", "ИНН 7701234567" in the details card. */
const TAX_ID = /(?:VAT|Tax ID|TIN|НДС|УНП|ИНН)\s*(?:No\.?|№)?\s*:?\s*([A-Z]{0,3}\d[\dA-Z]{5,})/i;
/** A "Company: …" line in cards without schema.org markup. */
const COMPANY_LINE = /^(?:company|компания|организация)\s*:\s*(.+)$/i;

const ROWS_PER_CHUNK = 200;

function listTable(doc: Document): Element | undefined {
  const named = doc.querySelector(NAMED_HEADER)?.closest('table');
  if (named) return named;
  if (!doc.querySelector(PORTAL_MARKS)) return undefined;
  return Array.from(doc.querySelectorAll(PORTAL_TABLE)).find((table) => {
    const fields = new Set(planColumns(table).keys());
    return fields.has('number') && (fields.has('due') || fields.has('owed'));
  });
}

function fieldOfHeader(th: Element): Field | undefined {
  const named = NAMES[th.getAttribute('name') ?? ''];
  if (named) return named;
  const key = headerKey(text(th));
  if (OWED_HEADERS.has(key) || OWED_LABELS.has(key)) return 'owed';
  if (INVOICE_HEADERS.number.includes(key)) return 'number';
  if (INVOICE_HEADERS.issued.includes(key)) return 'issued';
  if (INVOICE_HEADERS.due.includes(key)) return 'due';
  if (INVOICE_HEADERS.status.includes(key)) return 'status';
  return undefined;
}

function planColumns(table: Element): Map<Field, number> {
  const columns = new Map<Field, number>();
  Array.from(table.querySelectorAll(HEADER_CELLS)).forEach((th, index) => {
    const field = fieldOfHeader(th);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function cellsOf(row: Element, columns: Map<Field, number>): Map<Field, Element> {
  const cells = Array.from(row.children).filter((cell) => cell.localName === 'td');
  const byField = new Map<Field, Element>();
  for (const cell of cells) {
    const field = NAMES[cell.getAttribute('name') ?? ''];
    if (field && !byField.has(field)) byField.set(field, cell);
  }
  for (const [field, index] of columns) {
    const cell = cells[index];
    if (cell && !byField.has(field)) byField.set(field, cell);
  }
  return byField;
}

/** The signed-in customer, from the details card; else the user menu's name, said in a warning. */
function readSubject(doc: Document, report: PageReport): ClientRef | undefined {
  const details = doc.querySelector(DETAILS);
  const lines = details ? Array.from(details.querySelectorAll(DETAILS_LINES)).map((line) => text(line)) : [];
  const company = text(details?.querySelector(DETAILS_NAME)) || lines.map((line) => COMPANY_LINE.exec(line)?.[1]).find(Boolean);
  const taxId = details ? TAX_ID.exec(text(details))?.[1] : undefined;
  if (company) return { ...report.client(squish(company)), ...(taxId ? { taxId } : {}) };
  const user = text(doc.querySelector(USER_NAME));
  if (!user) return undefined;
  report.warn('Odoo portal: the details card names no company; the signed-in user is taken as the client.');
  return { ...report.client(user), ...(taxId ? { taxId } : {}) };
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
  report.warn(`Odoo portal: ${why} ${what} ${quote(shown)} ignored${date === 'ambiguous' ? ': this page proves both orders' : ''}.`);
  return undefined;
}

function readOwed(cell: Element | undefined, report: PageReport): Money | undefined {
  const shown = text(cell);
  if (!/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money && money !== 'invalid') return money;
  report.warn(`Odoo portal: invalid amount due ${quote(shown)} ignored.`);
  return undefined;
}

function statusWord(raw: string): InvoiceStatus | undefined {
  const key = fold(raw);
  return STATUS_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(raw);
}

/** The badge's words, else its icon's label ("Opened", "processing_payment"); then what is still owed. */
function readStatus(cell: Element | undefined, owed: Money | undefined, late: boolean, report: PageReport): InvoiceStatus | undefined {
  const badge = cell?.querySelector(BADGE) ?? cell;
  const shown = text(badge);
  const labels = badge ? Array.from(badge.querySelectorAll(ICON_LABEL)).map((icon) => icon.getAttribute('aria-label') ?? icon.getAttribute('title') ?? '') : [];
  for (const candidate of [shown, ...labels]) {
    const status = candidate ? statusWord(candidate) : undefined;
    if (status) return status;
  }
  if (shown) report.warn(`Odoo portal: unknown status ${quote(shown)}.`);
  if (owed && owed.value > 0) return late ? 'overdue' : 'open';
  if (owed && owed.value === 0) return 'paid';
  return late ? 'overdue' : undefined;
}

function readRow(cells: Map<Field, Element>, client: ClientRef, order: PageDateOrder, report: PageReport): InvoiceObservation | undefined {
  const numberCell = cells.get('number');
  const link = numberCell?.querySelector(NUMBER_LINK);
  const number = squish((link?.getAttribute('title') ?? text(link ?? numberCell)).replace(/^[#№]\s*/, ''));
  // A draft shows "Draft Invoice" and no number; drafts count nowhere.
  if (!number || number === '/' || numberCell?.querySelector(DRAFT_MARK)) {
    report.warn('Odoo portal: skipped draft invoices without a number.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client, number: report.cap(number, 'invoice number') };
  const issued = readDay(cells.get('issued'), order, report, 'invoice date');
  if (issued) invoice.issued = issued;
  const dueCell = cells.get('due');
  const due = readDay(dueCell, order, report, 'due date');
  if (due) invoice.due = due;
  const owed = readOwed(cells.get('owed'), report);
  if (owed?.currency) invoice.currency = owed.currency;
  const status = readStatus(cells.get('status'), owed, due !== undefined && dueCell?.classList.contains(LATE_CLASS) === true, report);
  if (status) invoice.status = status;
  return invoice;
}

function* readPortal(doc: Document, report: PageReport): Steps<{ subject?: ClientRef }> {
  const subject = readSubject(doc, report);
  const table = listTable(doc);
  if (!table) {
    if (!doc.querySelector(EMPTY_NOTICE)) report.warn('Odoo portal: no invoice list on this page.');
    return subject ? { subject } : {};
  }
  const columns = planColumns(table);
  const rows = Array.from(table.querySelectorAll(BODY_ROWS)).map((row) => cellsOf(row, columns));
  if (!subject) {
    if (rows.length) report.warn('Odoo portal: no customer named on the page; its invoices were not read.');
    return {};
  }
  const dates = rows.flatMap((cells) => [text(cells.get('issued')), text(cells.get('due'))]);
  const order = pageDateOrder(dates, doc.documentElement?.getAttribute('lang') ?? '');
  let read = 0;
  for (const cells of rows) {
    if (report.full) {
      report.overflow();
      break;
    }
    const invoice = readRow(cells, subject, order, report);
    if (invoice) report.add(invoice);
    read += 1;
    if (read % ROWS_PER_CHUNK === 0) yield;
  }
  return { subject };
}

export const odooPortalInvoices: SiteReader = {
  id: 'odoo-portal-invoices',
  product: 'Odoo',
  label: { en: 'Odoo portal invoices', ru: 'счета на портале Odoo' },
  reads: {
    en: 'Customer portal "Invoices & Bills": number, dates, amount due, status; the signed-in customer is the client',
    ru: 'Портал клиента «Счета»: номер, даты, сумма к оплате, статус; клиент — вошедший покупатель',
  },
  hosts: /(?:^|\.)odoo\.com$/i,
  detect(doc, url) {
    let address: URL;
    try {
      address = new URL(url);
    } catch {
      return undefined;
    }
    // "?filterby=bills" lists what the company owes this partner, not the partner's invoices.
    if (!LIST_PATH.test(address.pathname) || address.searchParams.get('filterby') === 'bills') return undefined;
    return listTable(doc) || (doc.querySelector(PORTAL_MARKS) && doc.querySelector(EMPTY_NOTICE)) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    return yield* readPortal(doc, report);
  },
};
