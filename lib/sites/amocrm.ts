import { pageDateOrder, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { squish, text } from '../extract/text';
import { headerKey, INVOICE_HEADERS, OWED_HEADERS } from '../extract/vocabulary';
import type { InvoiceObservation } from '../model';
import type { SiteReader } from './types';
import { fillInvoice, SkippedRows } from './crm-fields';

/** The product's name, leading every warning. */
const PRODUCT = 'amoCRM';

/*
 * amoCRM / Kommo lists (SITE_FACTS §8 and SITE_FACTS_2 "Kommo / amoCRM lists"): div rows whose
 * cells name their field code. amoCRM has no invoice list of its own that the facts show; an
 * account that bills through it keeps invoice fields on its deals or in a list (catalog). So a
 * list is read only when its columns hold an invoice number and a due or paid date; a plain
 * deal list, whatever its stage is called ("Выставлен счёт"), is not an invoice list.
 */

// Selectors (SITE_FACTS §8 "amoCRM / Kommo lists", SITE_FACTS_2 "Kommo / amoCRM lists").
/** The list body; `list__table-no-items` marks the empty state. */
const LIST = '.list__table';
/** The header row and its cells, with `data-field-code` and the label in `.cell-head__title`. */
const HEAD_ROW = '.list-row-head';
const HEAD_CELL = '.list-row__cell-head';
const HEAD_TITLE = '.cell-head__title';
/** Record rows (contacts: `div[data-id]`). */
const ROW = '.list-row.js-list-row, [id^="list_item_"]';
const ROW_ID = /^list_item_(\d+)$/;
/** A row's cells; the value sits in `.content-table__item__inner`. */
const CELL = '.list-row__cell';
const CELL_VALUE = '.content-table__item__inner';
/** The id checkbox, `.list-row__cell-template-id input[value=<id>]`. */
const ID_CHECKBOX = '.list-row__cell-template-id input[value]';
/** Empty-state placeholder rows hold only grey bars (customers module; others [guess]). */
const PLACEHOLDER = '.plug__item__line';

/** Lists of deals, customers and catalogs (lists of goods, invoices… [guess for catalogs]). */
const LIST_PATH = /^\/(?:leads\/list|customers\/list|catalogs\/\d+)(?:\/|$)/;
const HOSTS = /(?:^|\.)(?:amocrm\.(?:ru|com)|kommo\.com)$/i;

type Field = 'number' | 'client' | 'contact' | 'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status';
type RowTexts = Partial<Record<Field, string>>;

/** Built-in fields by code: who the record is with counts; its name, stage, budget and dates are the deal's, not an invoice's. */
const BUILT_IN: ReadonlyMap<string, Field | null> = new Map<string, Field | null>([
  ['id', null],
  ['name', null],
  ['status', null],
  ['price', null],
  ['date_create', null],
  ['date_modify', null],
  ['main_user', null],
  ['tags', null],
  ['contact_company_name', 'client'],
  ['company_name', 'client'],
  ['main_contact', 'contact'],
]);

/** Labels of account-defined invoice fields the shared vocabulary lacks. */
const LABELS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['компания контакта', 'client'],
  ['основной контакт', 'contact'],
  ['срок оплаты счета', 'due'],
  ['статус счета', 'status'],
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

/** The field code of a header or body cell: `data-field-code`, else its `list-row__cell-<code>` class. */
function codeOf(cell: Element): string {
  const code = cell.getAttribute('data-field-code');
  if (code) return code;
  const named = Array.from(cell.classList).find((name) => name.startsWith('list-row__cell-') && !name.startsWith('list-row__cell-template-') && name !== 'list-row__cell-head');
  return named ? named.slice('list-row__cell-'.length) : '';
}

type Plan = { byCode: Map<string, Field>; byIndex: (Field | undefined)[] };

/** Built-in fields by code, account fields by label; one column per field. */
function planColumns(list: Element): Plan {
  const byCode = new Map<string, Field>();
  const byIndex: (Field | undefined)[] = [];
  const taken = new Set<Field>();
  for (const cell of Array.from(list.querySelector(HEAD_ROW)?.querySelectorAll(HEAD_CELL) ?? [])) {
    const code = codeOf(cell);
    const field = BUILT_IN.has(code) ? (BUILT_IN.get(code) ?? undefined) : fieldOfLabel(text(cell.querySelector(HEAD_TITLE) ?? cell));
    if (field && !taken.has(field)) {
      taken.add(field);
      if (code) byCode.set(code, field);
      byIndex.push(field);
    } else byIndex.push(undefined);
  }
  return { byCode, byIndex };
}

function hasInvoiceFields(plan: Plan): boolean {
  const held = new Set(plan.byIndex);
  return held.has('number') && (held.has('due') || held.has('paid'));
}

function listOf(doc: Document, url: string): { list: Element; plan: Plan } | undefined {
  const address = urlOf(url);
  if (!address || !HOSTS.test(address.hostname) || !LIST_PATH.test(address.pathname)) return undefined;
  const list = doc.querySelector(LIST);
  if (!list) return undefined;
  const plan = planColumns(list);
  return hasInvoiceFields(plan) ? { list, plan } : undefined;
}

function rowIdOf(row: Element): string | undefined {
  return ROW_ID.exec(row.id)?.[1] ?? row.getAttribute('data-id') ?? row.querySelector(ID_CHECKBOX)?.getAttribute('value') ?? undefined;
}

function rowTexts(row: Element, plan: Plan): RowTexts {
  const texts: RowTexts = {};
  Array.from(row.querySelectorAll(CELL)).forEach((cell, index) => {
    const code = codeOf(cell);
    const field = code ? plan.byCode.get(code) : plan.byIndex[index];
    if (field) texts[field] = text(cell.querySelector(CELL_VALUE) ?? cell);
  });
  return texts;
}

function invoiceOf(texts: RowTexts, order: PageDateOrder, now: Date, report: PageReport): InvoiceObservation | string {
  const number = squish(texts.number ?? '').replace(LEADING_MARK, '');
  if (number === '') return 'no invoice number';
  // The company pays; a deal with only a contact is billed to that person.
  const name = squish(texts.client ?? '') || squish(texts.contact ?? '');
  if (name === '') return 'no company or contact';
  const invoice: InvoiceObservation = { kind: 'invoice', client: report.client(name), number: report.cap(number, 'invoice number') };
  return fillInvoice(invoice, texts, { product: PRODUCT, order, report, relativeTo: now });
}

export const amocrmInvoices: SiteReader = {
  id: 'amocrm-invoices',
  product: 'amoCRM / Kommo',
  label: { en: 'amoCRM / Kommo list with invoice fields', ru: 'список amoCRM / Kommo с полями счёта' },
  reads: {
    en: 'Deal, customer and list views that carry invoice fields (invoice number with a due or paid date): number, company or contact, dates, amount, balance, payment status.',
    ru: 'Списки сделок, покупателей и каталогов с полями счёта (номер и срок или дата оплаты): номер, компания или контакт, даты, сумма, остаток, статус оплаты.',
  },
  hosts: HOSTS,
  detect(doc, url) {
    return listOf(doc, url) ? 'invoice-list' : undefined;
  },
  *extract(doc, url, { now, report }) {
    const found = listOf(doc, url);
    if (!found) {
      report.warn('amoCRM: no list with invoice fields on this page.');
      return;
    }
    const rows: { id: string; texts: RowTexts }[] = [];
    const seen = new Set<string>();
    let unnamed = 0;
    for (const row of Array.from(found.list.querySelectorAll(ROW))) {
      if (row.matches(HEAD_ROW) || row.querySelector(PLACEHOLDER)) continue;
      // The list loads more rows as it scrolls and redraws on filter: one record id, one observation.
      const id = rowIdOf(row);
      if (id === undefined) {
        unnamed += 1;
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push({ id, texts: rowTexts(row, found.plan) });
      if (rows.length % CHUNK === 0) yield;
    }
    if (unnamed > 0) report.warn(`amoCRM: skipped ${unnamed} row(s) without a record id.`);
    if (rows.length === 0) {
      report.warn('amoCRM: the list is empty.');
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
      const invoice = invoiceOf(texts, order, now, report);
      if (typeof invoice === 'string') skipped.add(invoice, id);
      else report.add(invoice);
      if ((index + 1) % CHUNK === 0) yield;
    }
    skipped.warn(report, PRODUCT);
  },
};
