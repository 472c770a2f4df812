import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { fold, squish } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, isPostingState, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';
import { EMPTY_VALUE, fillInvoice, owedStatus, SkippedRows } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'Salesforce';

/*
 * Salesforce Lightning list views of an invoice object (SITE_FACTS_2 "Salesforce Lightning list
 * views"): a custom Invoice__c, Salesforce Billing's blng__Invoice__c, the standard Invoice. Cells
 * carry their column's label in `data-label`, so columns are found by label, in any order; the
 * values are only locale text (no raw value in the DOM), parsed with the page's one date order.
 */

// Selectors (SITE_FACTS_2 "Salesforce Lightning list views").
/** The list view's own custom elements (LWC `lst-*`) or the classic Aura grid: this is a list view, not a record page. */
const LIST_VIEW = 'lst-list-view-manager, lst-object-home, lst-common-list-internal, .forceListViewManager, .forceListViewManagerGrid';
/** lightning-datatable's table (`treegrid` for tree data). */
const TABLE = 'table[role="grid"], table[role="treegrid"], .forceListViewManagerGrid table';
/** Column headers; the label is `aria-label`, else the `span[title]` inside the sort action. */
const HEADER_CELL = 'thead th[scope="col"]';
const HEADER_TITLE = 'span[title]';
/** Data rows: `data-row-key-value` is the 15/18-character record id in standard list views. */
const ROW = 'tbody > tr';
const RECORD_ID = /^[a-zA-Z0-9]{15,18}$/;
/** The record-name column is a row header `th[scope=row]`, linking to /lightning/r/…/<id>/view. */
const ROW_HEADER = 'th[scope="row"]';
const RECORD_LINK = /\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([a-zA-Z0-9]{15,18})\/view/;

/** List view addresses; the object's API name must say invoice, and not a supplier's or a credit note. */
const LIST_PATH = /^\/lightning\/o\/([A-Za-z0-9_]+)\/list\b/;
const INVOICE_OBJECT = /invoice/i;
const NOT_CUSTOMER_INVOICE = /purchase|payable|vendor|supplier|creditnote|credit_note/i;

type Field = 'number' | 'client' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status' | 'payment';
type RowTexts = Partial<Record<Field, string>>;

/** Labels of Salesforce invoice fields the shared vocabulary lacks (Billing and common custom objects). */
const LABELS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['invoice number', 'number'],
  ['invoice name', 'number'],
  ['total amount', 'amount'],
  ['total amount (with tax)', 'amount'],
  ['invoice amount', 'amount'],
  ['общая сумма', 'amount'],
  ['сумма счета', 'amount'],
  ['outstanding amount', 'balance'],
  ['remaining balance', 'balance'],
  // Salesforce Billing keeps the posting state (Draft/Posted/Cancelled) apart from the payment state.
  ['payment status', 'payment'],
  ['статус оплаты', 'payment'],
  ['статус счета', 'status'],
]);

/** Picklist values of invoice objects the shared words lack: Salesforce Billing's "Rebilled" is a cancelled invoice. */
const PICKLIST_WORDS: readonly [RegExp, InvoiceStatus][] = [[/^rebilled(?![a-z])/, 'void']];

const LEADING_MARK = /^[#№]\s*/;
const CHUNK = 200;
/** A page title in Cyrillic is not an English page, whatever its missing `lang` suggests. */
const CYRILLIC = /[а-яё]/i;

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Every root to search: the document and, for orgs on native shadow DOM, each open shadow root (the CEC reader's fallback). */
function* roots(root: Document | ShadowRoot): Generator<Document | ShadowRoot> {
  yield root;
  for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) yield* roots(el.shadowRoot);
}

/** Light DOM first (synthetic shadow, most orgs); the shadow walk only when that finds nothing. */
function queryAll(doc: Document, selector: string): Element[] {
  const light = Array.from(doc.querySelectorAll(selector));
  if (light.length > 0) return light;
  return Array.from(roots(doc)).flatMap((root) => Array.from(root.querySelectorAll(selector)));
}

/** Text as rendered: a cell's value may sit in the shadow root of `lightning-formatted-*` under native shadow. */
function renderedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node, host?: Element): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.localName === 'slot' && host) walk(host);
        else if (element.shadowRoot) walk(element.shadowRoot, element);
        else walk(element, host);
      }
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot, el);
  else walk(el);
  return squish(parts.join(' '));
}

function fieldOfLabel(label: string): Field | undefined {
  const key = headerKey(label);
  if (key === '') return undefined;
  if (OWED_HEADERS.has(key)) return 'balance';
  const own = LABELS.get(key);
  if (own) return own;
  for (const [field, words] of Object.entries(INVOICE_HEADERS) as [Field, readonly string[]][]) if (words.includes(key)) return field;
  return undefined;
}

/** lightning-datatable labels every data column in `aria-label` (empty on the row-number column); the classic grid only by text. */
function headerLabel(cell: Element): string {
  const label = cell.getAttribute('aria-label');
  if (label !== null) return squish(label);
  return squish(cell.querySelector(HEADER_TITLE)?.getAttribute('title') ?? '') || renderedText(cell);
}

type Table = { table: Element; fieldsByLabel: Map<string, Field>; fieldsByIndex: (Field | undefined)[] };

/** Columns by label, one per field: the first column that claims a field keeps it. */
function planTable(table: Element): Table {
  const fieldsByLabel = new Map<string, Field>();
  const fieldsByIndex: (Field | undefined)[] = [];
  const taken = new Set<Field>();
  for (const cell of Array.from(table.querySelectorAll(HEADER_CELL))) {
    const label = headerLabel(cell);
    const field = fieldOfLabel(label);
    if (field && !taken.has(field)) {
      taken.add(field);
      fieldsByLabel.set(label, field);
      fieldsByIndex.push(field);
    } else fieldsByIndex.push(undefined);
  }
  return { table, fieldsByLabel, fieldsByIndex };
}

/** The row's own cells (a cell factory inside repeats `data-label`, so only direct children count). */
function rowTexts(row: Element, plan: Table): RowTexts {
  const texts: RowTexts = {};
  const cells = Array.from(row.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
  // `data-label` names the column wherever it sits; only the classic Aura grid, which has none, is read by position.
  const labelled = cells.some((cell) => cell.hasAttribute('data-label'));
  cells.forEach((cell, index) => {
    const field = labelled ? plan.fieldsByLabel.get(squish(cell.getAttribute('data-label') ?? '')) : plan.fieldsByIndex[index];
    if (field) texts[field] = renderedText(cell);
  });
  // An invoice object's record name is its number: read it when no column is labelled so.
  if (texts.number === undefined) {
    const name = Array.from(row.children).find((cell) => cell.matches(ROW_HEADER));
    if (name) texts.number = renderedText(name);
  }
  return texts;
}

function recordIdOf(row: Element): string | undefined {
  const key = row.getAttribute('data-row-key-value') ?? '';
  if (RECORD_ID.test(key)) return key;
  const href = row.querySelector(`${ROW_HEADER} a[href]`)?.getAttribute('href') ?? '';
  return RECORD_LINK.exec(href)?.[1];
}

/** A picklist value by its leading words ("Overdue 12 days" is overdue), Salesforce's own values first. */
function statusOf(raw: string): InvoiceStatus | undefined {
  const key = fold(raw);
  return PICKLIST_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(raw);
}

function statusWord(raw: string | undefined, report: PageReport): InvoiceStatus | undefined {
  const shown = squish(raw ?? '');
  // "Posted" / "Проведен" says the invoice is final, not whether it is paid.
  if (shown === '' || EMPTY_VALUE.test(shown) || isPostingState(shown)) return undefined;
  const status = statusOf(shown);
  if (!status) report.warn(`Salesforce: the status "${report.cap(shown, 'status')}" is not known; those invoices have no status.`);
  return status;
}

/** Draft and cancelled postings stand; otherwise the payment state says more than "Posted". */
function settledStatus(texts: RowTexts, balance: number | undefined, report: PageReport): InvoiceStatus | undefined {
  const posting = statusWord(texts.status, report);
  const payment = statusWord(texts.payment, report);
  if (posting === 'draft' || posting === 'void') return posting;
  const said = payment ?? posting;
  if (said) return said;
  return owedStatus(balance);
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, report: PageReport): InvoiceObservation | string {
  const number = squish(texts.number ?? '').replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  const name = squish(texts.client ?? '');
  if (name === '') return 'no account';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report }, (balance) => settledStatus(texts, balance, report));
}

export const salesforceInvoices: SiteReader = {
  id: 'salesforce-invoices',
  product: 'Salesforce',
  label: { en: 'Salesforce invoice list view', ru: 'список счетов Salesforce' },
  reads: {
    en: 'Lightning list views of an invoice object (custom or Salesforce Billing): number, account, invoice and due dates, total, balance, status.',
    ru: 'Представления списков объекта-счёта в Lightning (свой объект или Salesforce Billing): номер, организация, даты, сумма, остаток, статус.',
  },
  hosts: /(?:^|\.)(?:lightning\.force\.com|my\.salesforce\.com)$/i,
  detect(doc, url) {
    const object = LIST_PATH.exec(pathOf(url))?.[1] ?? '';
    if (!INVOICE_OBJECT.test(object) || NOT_CUSTOMER_INVOICE.test(object)) return undefined;
    return queryAll(doc, LIST_VIEW).length > 0 && queryAll(doc, TABLE).length > 0 ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    let unplanned = 0;
    for (const table of queryAll(doc, TABLE)) {
      const plan = planTable(table);
      const fields = new Set(plan.fieldsByLabel.values());
      if (plan.fieldsByIndex.length > 0 && !fields.has('client')) report.warn('Salesforce: the list view shows no Account column; add it to read the invoices.');
      for (const row of Array.from(table.querySelectorAll(ROW))) {
        // Rows reload on sort, search and scroll: the record id keeps one row one observation.
        const id = recordIdOf(row);
        if (id === undefined) {
          unplanned += 1;
          continue;
        }
        if (seen.has(id)) continue;
        seen.add(id);
        rows.push({ id, texts: rowTexts(row, plan) });
        if (rows.length % CHUNK === 0) yield;
      }
    }
    if (unplanned > 0) report.warn(`Salesforce: skipped ${unplanned} row(s) without a record id (still loading, or not a record).`);
    if (rows.length === 0) {
      report.warn('Salesforce: no invoice rows in this list view.');
      return;
    }
    const lang = squish(doc.documentElement?.getAttribute('lang') ?? '');
    // One date order for the whole page, from every date on it (DESIGN "Rules learnt…").
    const dates = rows.flatMap(({ texts }) => [texts.issued ?? '', texts.due ?? '', texts.paid ?? '']);
    const order = pageDateOrder(dates, lang, { english: !CYRILLIC.test(doc.title) });
    const skipped = new SkippedRows();
    for (const [index, { id, texts }] of rows.entries()) {
      if (report.full) {
        report.overflow();
        return;
      }
      const invoice = invoiceOf(texts, order, report);
      if (typeof invoice === 'string') skipped.add(invoice, id);
      else report.add(invoice);
      if ((index + 1) % CHUNK === 0) yield;
    }
    skipped.warn(report, PRODUCT);
  },
};
