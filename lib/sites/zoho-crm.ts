import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';
import { EMPTY_VALUE, fillInvoice, owedStatus, SkippedRows } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'Zoho CRM';

/*
 * Zoho CRM's Invoices module list view (SITE_FACTS_2 "Zoho CRM list view"): Lyte custom
 * elements, not an HTML table. Cells carry only a type class, so columns are read by position
 * against the header labels; the row's `id` is the record id. Values are text in the user's
 * format, so the page's one date order decides `06/03/2026`.
 */

// Selectors (SITE_FACTS_2 "Zoho CRM list view").
/** The list component names its module; only the Invoices module is read. */
const LIST_COMPONENT = 'crux-table-component[cx-prop-module]';
const INVOICES_MODULE = 'Invoices';
/** The table (older list pages sit under `#listcrux`). */
const TABLE = 'lyte-exptable';
/** The header row and its cells; the label is `lyte-text[lt-prop-value]`, else the cell's text. */
const HEADER_CELL = 'lyte-exptable-tr#listviewHeaderRow > lyte-exptable-th';
const HEADER_TEXT = 'lyte-text';
/** Record rows: `data-zcqa="detailView"`, and in Zoho's own code the row `id` is the record id. */
const ROW = 'lyte-exptable-tr[data-zcqa="detailView"]';
const RECORD_ID = /^\d{6,25}$/;
const CELL = 'lyte-exptable-td';

/** The module's list (all records or a custom view); not a record, its edit form or a new one. */
const LIST_PATH = /^\/crm\/(?:[^/]+\/)?tab\/Invoices(?:\/custom-view\/\d+(?:\/list)?)?\/?$/;

type Field = 'number' | 'client' | 'contact' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status';
type RowTexts = Partial<Record<Field, string>>;

/** Labels of the Invoices module the shared vocabulary lacks. */
const LABELS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['contact name', 'contact'],
  ['контакт', 'contact'],
]);

/** Zoho's default invoice stages that say where the paperwork is, not whether it is paid. */
const NO_PAYMENT_WORDS = /^(?:created|approved|delivered|создан[оа]?|утвержден[оа]?|доставлен[оа]?)$/;
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

function fieldOfLabel(label: string): Field | undefined {
  const key = headerKey(label);
  if (key === '') return undefined;
  if (OWED_HEADERS.has(key)) return 'balance';
  const own = LABELS.get(key);
  if (own) return own;
  for (const [field, words] of Object.entries(INVOICE_HEADERS) as [Field, readonly string[]][]) if (words.includes(key)) return field;
  return undefined;
}

function headerLabel(cell: Element): string {
  const label = cell.querySelector(HEADER_TEXT);
  return squish(label?.getAttribute('lt-prop-value') ?? '') || text(label ?? cell);
}

/** Column position → field, one column per field (the checkbox column counts as a position, like the cells). */
function planColumns(table: Element): (Field | undefined)[] {
  const taken = new Set<Field>();
  return Array.from(table.querySelectorAll(HEADER_CELL)).map((cell) => {
    const field = fieldOfLabel(headerLabel(cell));
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

function rowTexts(row: Element, plan: readonly (Field | undefined)[]): RowTexts {
  const texts: RowTexts = {};
  Array.from(row.children)
    .filter((cell) => cell.localName === CELL)
    .forEach((cell, index) => {
      const field = plan[index];
      if (field) texts[field] = text(cell);
    });
  return texts;
}

function statusFrom(raw: string | undefined, balance: number | undefined, report: PageReport): InvoiceStatus | undefined {
  const shown = squish(raw ?? '');
  if (shown !== '' && !EMPTY_VALUE.test(shown)) {
    if (NO_PAYMENT_WORDS.test(fold(shown))) {
      report.warn(`Zoho CRM: the status "${report.cap(shown, 'status')}" says nothing about payment; those invoices have no status.`);
    } else {
      const status = invoiceStatusOf(shown);
      if (status) return status;
      report.warn(`Zoho CRM: the status "${report.cap(shown, 'status')}" is not known; those invoices have no status.`);
    }
  }
  return owedStatus(balance);
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, report: PageReport): InvoiceObservation | string {
  const number = squish(texts.number ?? '').replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  // The account is billed; an invoice to a contact with no account is billed to that person.
  const name = squish(texts.client ?? '') || squish(texts.contact ?? '');
  if (name === '') return 'no account or contact';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report }, (balance) => statusFrom(texts.status, balance, report));
}

/** The Invoices module's list component, or (older pages) a bare Lyte table under #listcrux. */
function invoiceTable(doc: Document): Element | undefined {
  const component = doc.querySelector(LIST_COMPONENT);
  if (component) return component.getAttribute('cx-prop-module') === INVOICES_MODULE ? (component.querySelector(TABLE) ?? undefined) : undefined;
  return doc.querySelector(`#listcrux ${TABLE}`) ?? undefined;
}

export const zohoCrmInvoices: SiteReader = {
  id: 'zoho-crm-invoices',
  product: 'Zoho CRM',
  label: { en: 'Zoho CRM invoice list', ru: 'список счетов Zoho CRM' },
  reads: {
    en: 'The Invoices module list view: number, account or contact, invoice and due dates, grand total, status.',
    ru: 'Список модуля «Счета»: номер, компания или контакт, даты, итоговая сумма, статус.',
  },
  hosts: /^(?:crm|crmplus)\.zoho\.(?:com|eu|in|com\.au|jp|com\.cn|ca|sa|uk)$/i,
  detect(doc, url) {
    return LIST_PATH.test(pathOf(url)) && invoiceTable(doc) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    const table = invoiceTable(doc);
    if (!table) {
      report.warn('Zoho CRM: no Invoices list on this page.');
      return;
    }
    const plan = planColumns(table);
    if (!plan.includes('number')) report.warn('Zoho CRM: the list view shows no Invoice Number column; add it to read the invoices.');
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    let unnamed = 0;
    for (const row of Array.from(table.querySelectorAll(ROW))) {
      // A redraw (sort, page, filter) may reuse the element; the record id keeps one record one observation.
      const id = row.getAttribute('id') ?? '';
      if (!RECORD_ID.test(id)) {
        unnamed += 1;
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push({ id, texts: rowTexts(row, plan) });
      if (rows.length % CHUNK === 0) yield;
    }
    if (unnamed > 0) report.warn(`Zoho CRM: skipped ${unnamed} row(s) without a record id.`);
    if (rows.length === 0) {
      report.warn('Zoho CRM: no invoice rows in this list view.');
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
