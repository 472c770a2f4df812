import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation } from '../model';
import type { SiteReader } from './types';
import { EMPTY_VALUE, fillInvoice, SkippedRows } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'HubSpot';

/*
 * HubSpot's invoices object index (SITE_FACTS_2 "HubSpot CRM object index"). Every cell names its
 * property in `data-test-id` (cell-<typeId>-<property>-<objectId>), so no header translation is
 * needed; the list is virtualised (about 50 rows in the DOM), so a read takes the rows there now,
 * keyed by object id, and the store adds them up as the user scrolls.
 */

// Selectors (SITE_FACTS_2 "HubSpot CRM object index").
/** The current index table. */
const TABLE = 'table[data-test-id="framework-data-table"]';
/** Rows `row-<objectId>`; the virtualiser's spacer rows have other ids. */
const ROW = 'tr[data-test-id^="row-"]';
const ROW_ID = /^row-(\d+)$/;
/** Header cells, in column order; each names its property in `data-test-id="header-cell-<property>"`. */
const HEADER_CELL = 'thead th';
/** The older index (about 2021): `data-selenium-*` hooks, header `crm-table-header-cell-<property>`, rows by object id. */
const LEGACY_TABLE = '[data-selenium-test="data-table"]';
const LEGACY_HEADER_CELL = '[data-selenium-id^="crm-table-header-cell-"]';
const LEGACY_ROW = 'tr[data-selenium-id]';

/** The invoices object (type 0-53 [guess in the facts; the blind page uses it]), as a list view. */
const LIST_PATH = /^\/contacts\/\d+\/objects\/0-53\/(?:views\/[^/]+\/)?list\b/;
const INVOICE_TYPE = '0-53';

type Field = 'number' | 'client' | 'contact' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status';
type RowTexts = Partial<Record<Field, string>>;

/** Invoice properties by internal name: the same in every portal language. */
const PROPERTIES: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['hs_number', 'number'],
  ['hs_invoice_status', 'status'],
  ['associatedcompanyid', 'client'],
  ['associatedcontactid', 'contact'],
  ['hs_invoice_date', 'issued'],
  ['hs_due_date', 'due'],
  ['hs_amount_billed', 'amount'],
  ['hs_balance_due', 'balance'],
]);

/** Labels of other columns (a portal's own properties), when the property name says nothing. */
const LABELS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['amount billed', 'amount'],
  ['contact', 'contact'],
]);

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

/** Column index → field: known properties by name, others by their header label; one column per field. */
function planColumns(headers: readonly { property: string; label: string }[]): (Field | undefined)[] {
  const taken = new Set<Field>();
  const plan: (Field | undefined)[] = headers.map(({ property }) => {
    const field = PROPERTIES.get(property);
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
  headers.forEach(({ property, label }, index) => {
    if (plan[index] || PROPERTIES.get(property)) return;
    const field = fieldOfLabel(label);
    if (field && !taken.has(field)) {
      taken.add(field);
      plan[index] = field;
    }
  });
  return plan;
}

type Table = { rows: Element[]; idOf(row: Element): string | undefined; plan: (Field | undefined)[]; indexOf(cell: Element, position: number): number };

/** The index table of either generation, planned by column. */
function tableOf(doc: Document): Table | undefined {
  const current = doc.querySelector(TABLE);
  if (current) {
    const headers = Array.from(current.querySelectorAll(HEADER_CELL));
    const plan = planColumns(
      headers.map((cell) => ({ property: (cell.getAttribute('data-test-id') ?? '').replace(/^header-cell-/, ''), label: text(cell) })),
    );
    return {
      rows: Array.from(current.querySelectorAll(ROW)),
      idOf: (row) => ROW_ID.exec(row.getAttribute('data-test-id') ?? '')?.[1],
      plan,
      // `data-column-index` places a cell when the table virtualises columns too (the Playwright reader maps by it).
      indexOf: (cell, position) => {
        const index = Number(cell.getAttribute('data-column-index'));
        return Number.isInteger(index) && index >= 0 ? index : position;
      },
    };
  }
  const legacy = doc.querySelector(LEGACY_TABLE);
  if (!legacy) return undefined;
  const headers = Array.from(legacy.querySelectorAll(LEGACY_HEADER_CELL));
  const headRow = headers[0]?.closest('tr');
  // Legacy header cells may skip the checkbox column: position them among all their row's cells.
  const all = headRow ? Array.from(headRow.children) : [];
  const byIndex = all.map((cell) => ({
    property: (cell.getAttribute('data-selenium-id') ?? '').replace(/^crm-table-header-cell-/, ''),
    label: text(cell),
  }));
  return {
    rows: Array.from(legacy.querySelectorAll(LEGACY_ROW)).filter((row) => /^\d+$/.test(row.getAttribute('data-selenium-id') ?? '')),
    idOf: (row) => row.getAttribute('data-selenium-id') ?? undefined,
    plan: planColumns(byIndex),
    indexOf: (_cell, position) => position,
  };
}

/** A cell's property from its own `data-test-id`: cell-<typeId>-<property>-<objectId>. */
function propertyOf(cell: Element, id: string): string | undefined {
  const testId = cell.getAttribute('data-test-id') ?? '';
  const prefix = `cell-${INVOICE_TYPE}-`;
  const suffix = `-${id}`;
  return testId.startsWith(prefix) && testId.endsWith(suffix) ? testId.slice(prefix.length, -suffix.length) : undefined;
}

function rowTexts(row: Element, id: string, table: Table): RowTexts {
  const texts: RowTexts = {};
  Array.from(row.children).forEach((cell, position) => {
    if (cell.localName !== 'td' && cell.localName !== 'th') return;
    const property = propertyOf(cell, id);
    const field = (property === undefined ? undefined : PROPERTIES.get(property)) ?? table.plan[table.indexOf(cell, position)];
    if (field) texts[field] = text(cell);
  });
  return texts;
}

function present(value: string | undefined): string {
  const squished = squish(value ?? '');
  return EMPTY_VALUE.test(squished) ? '' : squished;
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, report: PageReport): InvoiceObservation | string {
  const number = present(texts.number).replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  // The company is billed; an invoice to a contact with no company is billed to that person.
  const name = present(texts.client) || present(texts.contact);
  if (name === '') return 'no company or contact';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report });
}

/** A row the virtualiser has placed but not filled yet: every cell still empty. */
function stillRendering(texts: RowTexts): boolean {
  const values = Object.values(texts);
  return values.length > 0 && values.every((value) => squish(value ?? '') === '');
}

export const hubspotInvoices: SiteReader = {
  id: 'hubspot-invoices',
  product: 'HubSpot',
  label: { en: 'HubSpot invoice list', ru: 'список счетов HubSpot' },
  reads: {
    en: 'The invoices index: number, company or contact, invoice and due dates, amount billed, balance due, status; rows collected as you scroll.',
    ru: 'Список счетов: номер, компания или контакт, даты, выставленная сумма, остаток, статус; строки собираются при прокрутке.',
  },
  hosts: /^app(?:-[a-z]{2,3}\d+)?\.hubspot\.com$/i,
  detect(doc, url) {
    if (!LIST_PATH.test(pathOf(url))) return undefined;
    return doc.querySelector(TABLE) || doc.querySelector(LEGACY_TABLE) ? 'invoice-list' : undefined;
  },
  *extract(doc, _url, { report }) {
    const table = tableOf(doc);
    if (!table) {
      report.warn('HubSpot: no invoice table on this page.');
      return;
    }
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    let rendering = 0;
    for (const row of table.rows) {
      const id = table.idOf(row);
      // The virtualiser may hold a row twice while it recycles nodes: one object id, one observation.
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const texts = rowTexts(row, id, table);
      if (stillRendering(texts)) rendering += 1;
      else rows.push({ id, texts });
      if (seen.size % CHUNK === 0) yield;
    }
    if (rendering > 0) report.warn(`HubSpot: ${rendering} row(s) were still rendering and were not read; they are read once they show.`);
    if (rows.length === 0) {
      if (rendering === 0) report.warn('HubSpot: no invoice rows in this view.');
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
