import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { fold, squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, invoiceStatusOf, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { SiteReader } from './types';
import { fillInvoice, SkippedRows, statusByWord } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'Bitrix24';

/*
 * Bitrix24's CRM lists are one component, main.ui.grid (SITE_FACTS §8 "Bitrix24 grid"): the
 * classic invoices (/crm/invoice/), the smart invoices "Счета" (/crm/type/31/, entity type 31)
 * and the deals (/crm/deal/). Invoices are read; a deal is not an invoice, so a deal list is
 * read only when the portal added invoice fields to it (an invoice number and a due or paid date).
 */

// Selectors, all from main.ui.grid (SITE_FACTS §8 "Bitrix24 grid").
/** The grid's table; a sticky-header clone of it holds no body rows, so it reads as nothing. */
const GRID_TABLE = 'table.main-grid-table';
/** The header row; its `th[data-name]` is the column id that each body cell repeats. */
const HEAD_ROW = 'tr.main-grid-row-head';
/** Header cells in column order (checkbox and action columns included, so positions line up). */
const HEAD_CELL = 'th.main-grid-cell-head';
/** A header's visible label. */
const HEAD_TITLE = '.main-grid-head-title';
/** Body rows; `data-id` is the record id [guess in the facts, seen on every blind page]; the empty grid's row is not one. */
const BODY_ROW = 'tr.main-grid-row-body:not(.main-grid-row-empty)';
/** The "Нет данных" / "No data" row of an empty grid. */
const EMPTY_ROW = 'tr.main-grid-row-empty';
/** Body cells in column order; most carry `data-column-id`. */
const BODY_CELL = 'td.main-grid-cell';
/** Smart-invoice and deal stages render as a progress bar whose name is in `title` (blind bitrix24-invoices-ru). */
const STAGE_BAR = '.crm-list-stage-bar[title]';
const STAGE_TITLE = '.crm-list-stage-bar-title';

/** Classic invoices' list, and the smart invoices' list (entity type 31); never a record's card. */
const INVOICE_PATH = /^\/crm\/(?:invoice\/(?:list\/)?|type\/31\/list\/)/;
const RECORD_PATH = /\/(?:details|show|edit)\//;
const DEAL_PATH = /^\/crm\/deal\/(?:list|category)\//;

type Field = 'number' | 'client' | 'contact' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status';

/** Column ids of invoice grids: the same in every language, so a translated or reordered grid still reads. */
const INVOICE_COLUMNS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['ACCOUNT_NUMBER', 'number'],
  // Classic invoices (pages/bitrix24-invoices-ru).
  ['CLIENT', 'client'],
  ['UF_COMPANY_ID', 'client'],
  ['UF_CONTACT_ID', 'contact'],
  ['DATE_BILL', 'issued'],
  ['DATE_PAY_BEFORE', 'due'],
  ['DATE_PAYED', 'paid'],
  ['PRICE', 'amount'],
  ['STATUS_ID', 'status'],
  // Smart invoices: "Дата выставления" is BEGINDATE and "Срок оплаты" CLOSEDATE (blind bitrix24-invoices-ru).
  ['COMPANY_ID', 'client'],
  ['CONTACT_ID', 'contact'],
  ['BEGINDATE', 'issued'],
  ['CLOSEDATE', 'due'],
  ['OPPORTUNITY_WITH_CURRENCY', 'amount'],
  ['OPPORTUNITY', 'amount'],
  ['STAGE_ID', 'status'],
]);

/** On a deal grid only who the deal is with counts; its amount, stage and close date are the deal's, not an invoice's. */
const DEAL_COLUMNS: ReadonlyMap<string, Field> = new Map<string, Field>([['COMPANY_ID', 'client'], ['CONTACT_ID', 'contact']]);

/** Portal-defined fields (UF_CRM_…) are read by their label, whatever the grid. */
const CUSTOM_FIELD = /^UF_/;

/**
 * Default stage names of smart invoices the shared words lack ("Отправлен клиенту", "Не оплачен"
 * and "Оплачен" they know); portals rename stages, and an unknown one is warned, not guessed.
 */
const STAGE_WORDS: readonly [RegExp, InvoiceStatus][] = [
  [/^(?:новый|new)(?![a-zа-я])/, 'draft'],
  [/^(?:отклонен|declined|rejected)(?![a-zа-я])/, 'void'],
];

type Column = { id: string; label: string };
type RowTexts = Partial<Record<Field, string>>;
type Grid = { table: Element; columns: Column[]; fields: Map<string, Field> };

const LEADING_MARK = /^[#№]\s*/;
const CHUNK = 200;
/** A page title in Cyrillic is not an English page, whatever its missing `lang` suggests. */
const CYRILLIC = /[а-яё]/i;

function columnsOf(table: Element): Column[] {
  const head = table.querySelector(HEAD_ROW);
  if (!head) return [];
  return Array.from(head.querySelectorAll(HEAD_CELL)).map((cell) => ({
    id: cell.getAttribute('data-name') ?? '',
    label: text(cell.querySelector(HEAD_TITLE) ?? cell),
  }));
}

function fieldOfLabel(label: string): Field | undefined {
  const key = headerKey(label);
  if (key === '') return undefined;
  if (OWED_HEADERS.has(key)) return 'balance';
  for (const [field, words] of Object.entries(INVOICE_HEADERS) as [Field, readonly string[]][]) if (words.includes(key)) return field;
  return undefined;
}

/** Which column holds which field: known column ids first, portal fields by their label; one column per field. */
function planFields(columns: readonly Column[], known: ReadonlyMap<string, Field>): Map<string, Field> {
  const fields = new Map<string, Field>();
  const taken = new Set<Field>();
  const assign = (id: string, field: Field | undefined): void => {
    if (!field || taken.has(field) || fields.has(id)) return;
    fields.set(id, field);
    taken.add(field);
  };
  for (const column of columns) assign(column.id, known.get(column.id));
  for (const column of columns) if (CUSTOM_FIELD.test(column.id)) assign(column.id, fieldOfLabel(column.label));
  return fields;
}

function hasInvoiceFields(fields: Map<string, Field>): boolean {
  const held = new Set(fields.values());
  return held.has('number') && (held.has('due') || held.has('paid'));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function grids(doc: Document, known: ReadonlyMap<string, Field>): Grid[] {
  return Array.from(doc.querySelectorAll(GRID_TABLE)).flatMap((table) => {
    const columns = columnsOf(table);
    return columns.length === 0 ? [] : [{ table, columns, fields: planFields(columns, known) }];
  });
}

function cellValue(cell: Element, field: Field): string {
  if (field === 'status') {
    const bar = cell.querySelector(STAGE_BAR);
    return squish(bar?.getAttribute('title') ?? '') || text(cell.querySelector(STAGE_TITLE) ?? cell);
  }
  if (field === 'client' || field === 'contact') return text(cell.querySelector('a') ?? cell);
  return text(cell);
}

/** A row's texts by field: a cell's own `data-column-id` names its column, else its position under the header. */
function rowTexts(row: Element, grid: Grid): RowTexts {
  const texts: RowTexts = {};
  Array.from(row.querySelectorAll(BODY_CELL))
    .filter((cell) => cell.closest('tr') === row)
    .forEach((cell, index) => {
      const id = cell.getAttribute('data-column-id') ?? grid.columns[index]?.id ?? '';
      const field = grid.fields.get(id);
      if (field) texts[field] = cellValue(cell, field);
    });
  return texts;
}

/** A stage or status by its leading words ("Просрочен на 5 дней" is overdue), Bitrix24's own stage names first. */
function statusOf(raw: string): InvoiceStatus | undefined {
  const key = fold(raw);
  return STAGE_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? invoiceStatusOf(raw);
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, report: PageReport): InvoiceObservation | string {
  const number = squish(texts.number ?? '').replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  // The company pays; a contact alone is an invoice to a private person (smart invoices allow both).
  const name = squish(texts.client ?? '') || squish(texts.contact ?? '');
  if (name === '') return 'no client';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report }, (balance) => statusByWord(texts.status, balance, { product: PRODUCT, report }, statusOf, 'status'));
}

function knownColumns(url: string): ReadonlyMap<string, Field> {
  return DEAL_PATH.test(pathOf(url)) ? DEAL_COLUMNS : INVOICE_COLUMNS;
}

export const bitrix24Invoices: SiteReader = {
  id: 'bitrix24-invoices',
  product: 'Bitrix24',
  label: { en: 'Bitrix24 invoice list', ru: 'список счетов Битрикс24' },
  reads: {
    en: 'Invoices and smart invoices: number, client, issue and due dates, paid date, amount, stage. Deals only when they carry invoice fields.',
    ru: 'Счета и смарт-счета: номер, клиент, даты выставления и оплаты, срок, сумма, стадия. Сделки — только с полями счёта.',
  },
  hosts: /(?:^|\.)bitrix24\.(?:[a-z]{2,3}|com\.[a-z]{2})$/i,
  detect(doc, url) {
    const path = pathOf(url);
    if (RECORD_PATH.test(path)) return undefined;
    if (INVOICE_PATH.test(path)) return doc.querySelector(`${GRID_TABLE} ${HEAD_ROW}`) ? 'invoice-list' : undefined;
    if (DEAL_PATH.test(path)) return grids(doc, DEAL_COLUMNS).some((grid) => hasInvoiceFields(grid.fields)) ? 'invoice-list' : undefined;
    return undefined;
  },
  *extract(doc, url, { report }) {
    const found = grids(doc, knownColumns(url)).filter((grid) => grid.table.querySelector(BODY_ROW));
    if (found.length === 0) {
      report.warn(doc.querySelector(EMPTY_ROW) ? 'Bitrix24: the invoice list is empty.' : 'Bitrix24: no invoice rows found on this page.');
      return;
    }
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    for (const grid of found) {
      const held = new Set(grid.fields.values());
      if (!held.has('number')) report.warn('Bitrix24: the grid shows no invoice number column (Номер / ACCOUNT_NUMBER); add it to read the invoices.');
      if (!held.has('client') && !held.has('contact')) report.warn('Bitrix24: the grid shows no company or contact column; add one to read the invoices.');
      for (const row of Array.from(grid.table.querySelectorAll(BODY_ROW))) {
        // The grid redraws over AJAX and may repeat a row while it swaps pages: one record, one observation.
        const id = row.getAttribute('data-id') ?? `#${rows.length + 1}`;
        if (seen.has(id)) continue;
        seen.add(id);
        rows.push({ id, texts: rowTexts(row, grid) });
        if (rows.length % CHUNK === 0) yield;
      }
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
