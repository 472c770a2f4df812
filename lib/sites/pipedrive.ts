import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation } from '../model';
import type { SiteReader } from './types';
import { fillInvoice, SkippedRows } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'Pipedrive';

/*
 * Pipedrive's deals list view (SITE_FACTS_2 "Pipedrive deals/persons list view"). Pipedrive has
 * no invoice list; a company that bills from it keeps invoice fields on its deals (custom
 * fields, keyed by a 40-hex hash). A deal list is read only when its columns hold an invoice
 * number and a due or paid date: a deal's value and expected close date are not an invoice.
 * The list is virtualised and split in two grids (checkboxes with the ids, and the data).
 */

// Selectors (SITE_FACTS_2 "Pipedrive deals/persons list view").
/** The scrollable data grid, and the fixed grid beside it that holds the checkboxes with the record ids. */
const DATA_GRID = '.gridContent--scrollable';
const CHECKBOX_GRID = '.gridContent--fixed';
/** Header cells name their column key in `data-field`; the label is `.gridHeader__title`. */
const HEADER_CELL = 'thead th[data-field]';
const HEADER_TITLE = '.gridHeader__title';
/** Rows are positioned by inline `top` (a virtual list); cells carry `data-field` (and `data-test`). */
const ROW = 'tbody tr.gridRow';
const CELL = 'td.gridRow__cell[data-field]';
/** The record id: the checkbox's `data-id`, or the deal link in the row. */
const ROW_CHECKBOX = 'input[type="checkbox"][data-id]';
const DEAL_LINK = 'a[href*="/deal/"]';
const DEAL_ID = /\/deal\/(\d+)/;

const LIST_PATH = /^\/deals\/list(?:\/|$)/;
const HOSTS = /(?:^|\.)pipedrive\.com$/i;

type Field = 'number' | 'client' | 'contact' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status';
type RowTexts = Partial<Record<Field, string>>;

/** Built-in deal columns by key: who the deal is with counts; its title, value, stage and dates are the deal's own. */
const BUILT_IN: ReadonlyMap<string, Field | null> = new Map<string, Field | null>([
  ['org_id', 'client'],
  ['person_id', 'contact'],
  ['title', null],
  ['value', null],
  ['stage_id', null],
  ['status', null],
  ['user_id', null],
  ['expected_close_date', null],
  ['next_activity_date', null],
  ['add_time', null],
  ['update_time', null],
  ['close_time', null],
  ['won_time', null],
  ['lost_time', null],
]);

/** Labels of invoice custom fields the shared vocabulary lacks. */
const LABELS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['invoice due date', 'due'],
  ['invoice paid date', 'paid'],
  ['invoice payment date', 'paid'],
  ['invoice amount', 'amount'],
]);

const LEADING_MARK = /^[#№]\s*/;
const CHUNK = 200;
/** A page title in Cyrillic is not an English page, whatever its missing `lang` suggests. */
const CYRILLIC = /[а-яё]/i;

function urlOf(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
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

/** Column key → field: built-in keys by name (any language), custom fields by label; one column per field. */
function planColumns(grid: Element): Map<string, Field> {
  const plan = new Map<string, Field>();
  const taken = new Set<Field>();
  for (const cell of Array.from(grid.querySelectorAll(HEADER_CELL))) {
    const key = cell.getAttribute('data-field') ?? '';
    const field = BUILT_IN.has(key) ? (BUILT_IN.get(key) ?? undefined) : fieldOfLabel(text(cell.querySelector(HEADER_TITLE) ?? cell));
    if (field && !taken.has(field)) {
      taken.add(field);
      plan.set(key, field);
    }
  }
  return plan;
}

function hasInvoiceFields(plan: Map<string, Field>): boolean {
  const held = new Set(plan.values());
  return held.has('number') && (held.has('due') || held.has('paid'));
}

function dealList(doc: Document, url: string): { grid: Element; plan: Map<string, Field> } | undefined {
  const address = urlOf(url);
  if (!address || !HOSTS.test(address.hostname) || !LIST_PATH.test(address.pathname)) return undefined;
  const grid = doc.querySelector(DATA_GRID);
  if (!grid) return undefined;
  const plan = planColumns(grid);
  return hasInvoiceFields(plan) ? { grid, plan } : undefined;
}

/** A positioned row's offset from its inline style (the virtual list's `top`). */
function topOf(row: Element): string | undefined {
  return /(?:^|;)\s*top:\s*(-?[\d.]+)px/.exec(row.getAttribute('style') ?? '')?.[1];
}

/**
 * Record ids of the data rows. The deal link in a row names it; else the checkbox row at the same
 * offset, else at the same position, in the fixed grid [guess in the facts: how the two grids join].
 */
function rowIds(doc: Document, rows: readonly Element[]): (string | undefined)[] {
  const checkboxRows = Array.from(doc.querySelector(CHECKBOX_GRID)?.querySelectorAll(ROW) ?? []);
  const idOf = (row: Element | undefined) => row?.querySelector(ROW_CHECKBOX)?.getAttribute('data-id') ?? undefined;
  const byTop = new Map<string, string>();
  for (const row of checkboxRows) {
    const top = topOf(row);
    const id = idOf(row);
    if (top !== undefined && id !== undefined) byTop.set(top, id);
  }
  return rows.map((row, index) => {
    const linked = DEAL_ID.exec(row.querySelector(DEAL_LINK)?.getAttribute('href') ?? '')?.[1];
    if (linked) return linked;
    const top = topOf(row);
    return top === undefined ? idOf(checkboxRows[index]) : byTop.get(top);
  });
}

function rowTexts(row: Element, plan: Map<string, Field>): RowTexts {
  const texts: RowTexts = {};
  for (const cell of Array.from(row.querySelectorAll(CELL))) {
    const field = plan.get(cell.getAttribute('data-field') ?? '');
    if (field) texts[field] = text(cell);
  }
  return texts;
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, report: PageReport): InvoiceObservation | string {
  const number = squish(texts.number ?? '').replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  // The organization pays; a deal with only a person is billed to that person.
  const name = squish(texts.client ?? '') || squish(texts.contact ?? '');
  if (name === '') return 'no organization or person';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report });
}

export const pipedriveInvoices: SiteReader = {
  id: 'pipedrive-invoices',
  product: 'Pipedrive',
  label: { en: 'Pipedrive deals with invoice fields', ru: 'сделки Pipedrive с полями счёта' },
  reads: {
    en: 'The deals list when it shows invoice fields (an invoice number with a due or paid date): number, organization or person, dates, amount, balance, status; rows collected as you scroll.',
    ru: 'Список сделок, если в нём есть поля счёта (номер и срок или дата оплаты): номер, организация или контакт, даты, сумма, остаток, статус; строки собираются при прокрутке.',
  },
  hosts: HOSTS,
  detect(doc, url) {
    return dealList(doc, url) ? 'invoice-list' : undefined;
  },
  *extract(doc, url, { report }) {
    const found = dealList(doc, url);
    if (!found) {
      report.warn('Pipedrive: no deal list with invoice fields on this page.');
      return;
    }
    const dataRows = Array.from(found.grid.querySelectorAll(ROW));
    const ids = rowIds(doc, dataRows);
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    let unnamed = 0;
    for (const [index, row] of dataRows.entries()) {
      // Rows are recycled as the list scrolls: only rows with a record id count, each once.
      const id = ids[index];
      if (id === undefined) {
        unnamed += 1;
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push({ id, texts: rowTexts(row, found.plan) });
      if (rows.length % CHUNK === 0) yield;
    }
    if (unnamed > 0) report.warn(`Pipedrive: skipped ${unnamed} row(s) whose deal id could not be found.`);
    if (rows.length === 0) {
      report.warn('Pipedrive: no deal rows in view.');
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
