import { LIMITS } from '../limits';
import type { ClientRef, InvoiceObservation, Observation, TicketObservation } from '../model';
import { parseAmount } from './amounts';
import { planColumns, type ColumnPlan } from './columns';
import { columnDateOrder, parseDate, parseRelative, parseTimestamp, toIso, type DateOrder, type PageDate } from './dates';
import type { Grid } from './grid';
import type { PageReport } from './report';
import { ownText, squish, text, visibleText } from './text';
import { invoiceStatusOf, priorityOf, satisfactionOf, ticketStatusOf, type InvoiceField, type TicketField } from './vocabulary';

/** What every list reader needs from the page. */
export type ListContext = {
  now: Date;
  /** The page's `lang`, which decides how "03/05/2026" reads. */
  lang: string;
  subject?: ClientRef;
  report: PageReport;
};

/** A site reader's say on a row the generic reader has read (e.g. Dolibarr's late picto). */
export type ListHooks = {
  /** Rows to read at all (Dolibarr: data rows are `tr.oddeven`). */
  isDataRow?(row: Element): boolean;
  adjustInvoice?(invoice: InvoiceObservation, cellOf: (field: InvoiceField) => Element | undefined): InvoiceObservation;
};

/** Rows read between two yields: small enough that a slice stays well under 50 ms. */
const ROWS_PER_SLICE = 100;

type DateSources = { machine?: string; tooltip?: string; shown: string };
type Cells = (Element | undefined)[];
type RowRecord = { cells: Cells; key: string; dates: Map<string, DateSources> };

const DATE_FIELDS = { invoice: ['issued', 'due', 'paid'], ticket: ['created'] } as const;

/** The cell itself or the first element inside it that matches (never an ancestor: a row attribute is not this cell's). */
function withinCell(cell: Element, selector: string): Element | null {
  return cell.matches(selector) ? cell : cell.querySelector(selector);
}

/** Raw date values of a cell, machine-readable ones first (SITE_FACTS §8: the exact value hides in an attribute). */
function dateSources(cell: Element | undefined): DateSources {
  if (!cell) return { shown: '' };
  const sources: DateSources = { shown: text(cell) };
  if (cell.childElementCount === 0 && cell.attributes.length === 0) return sources;
  const machine =
    withinCell(cell, 'time[datetime]')?.getAttribute('datetime') ??
    withinCell(cell, '[data-timestamp]')?.getAttribute('data-timestamp') ??
    // ERPNext keeps the raw value in `data-filter="<field>,=,<value>"`.
    withinCell(cell, '[data-filter]')?.getAttribute('data-filter')?.split(',=,')[1];
  if (machine) sources.machine = machine;
  const tooltip = withinCell(cell, '[title]')?.getAttribute('title');
  if (tooltip) sources.tooltip = tooltip;
  return sources;
}

function quote(value: string): string {
  return `"${squish(value).slice(0, 60)}"`;
}

function readDate(sources: DateSources, order: DateOrder, list: ListContext, what: string): PageDate | undefined {
  if (sources.machine) {
    const machine = parseTimestamp(sources.machine);
    if (machine && machine !== 'invalid') return machine;
  }
  for (const value of [sources.tooltip, sources.shown]) {
    if (!value) continue;
    const absolute = parseDate(value, order);
    if (absolute === 'invalid') {
      list.report.warn(`Invalid ${what} ${quote(value)} ignored.`);
      return undefined;
    }
    if (absolute) return absolute;
  }
  const relative = parseRelative(sources.shown, list.now);
  if (relative) return relative;
  if (/\d/.test(sources.shown)) list.report.warn(`Unreadable ${what} ${quote(sources.shown)} ignored.`);
  return undefined;
}

function readMoney(cell: Element | undefined, headerCurrency: string | undefined, list: ListContext, what: string) {
  const shown = text(cell);
  if (!shown || !/\d/.test(shown)) return undefined;
  const money = parseAmount(shown);
  if (money === 'invalid' || money === undefined) {
    list.report.warn(`Invalid ${what} ${quote(shown)} ignored.`);
    return undefined;
  }
  const currency = money.currency ?? headerCurrency;
  return currency ? { value: money.value, currency } : { value: money.value };
}

/** A status word from a cell's text, else from an icon's label or tooltip (Odoo portal badges). */
function readWord<T>(cell: Element | undefined, lookup: (raw: string) => T | undefined): T | undefined {
  if (!cell) return undefined;
  const shown = lookup(text(cell)) ?? lookup(visibleText(cell));
  if (shown !== undefined) return shown;
  for (const labelled of Array.from(cell.querySelectorAll('[aria-label], [title]'))) {
    const value = lookup(labelled.getAttribute('aria-label') ?? labelled.getAttribute('title') ?? '');
    if (value !== undefined) return value;
  }
  return undefined;
}

/** One element per tag: Freshdesk- and Zendesk-like lists draw chips (`span.tag`), Bootstrap pages badges. */
const TAG_CHIPS = '.tag, .badge, .label, .chip, li, [data-tag]';

/** Tags as chips (one element each) or as a comma-separated line. */
function readTags(cell: Element | undefined, list: ListContext): string[] | undefined {
  if (!cell) return undefined;
  const chips = Array.from(cell.querySelectorAll(TAG_CHIPS)).map(text);
  const tags = (chips.length ? chips : text(cell).split(/[,;]/)).map(squish).filter(Boolean);
  if (!tags.length) return undefined;
  if (tags.length > LIMITS.maxTags) list.report.warn(`A ticket with more than ${LIMITS.maxTags} tags: the rest were dropped.`);
  return tags.slice(0, LIMITS.maxTags).map((tag) => list.report.cap(tag, 'tag'));
}

/** Words of a totals row ("Итого" in a 1C report, "Total" under a Dolibarr list). */
const SUMMARY_WORDS = /^(total|totals|subtotal|grand total|sum|итого|всего|итог)(?=$|[\s:.,])/i;

/** A totals row: its first cell spans several columns or says "Total". */
function isSummaryRow(keyCell: Element | undefined, key: string): boolean {
  return Number(keyCell?.getAttribute('colspan')) > 1 || SUMMARY_WORDS.test(key);
}

/** Invoice numbers and ticket ids as shown, less a leading "#" or "№". */
function cleanId(raw: string): string {
  return squish(raw.replace(/^\s*[#№]\s*/, ''));
}

function rowClient(cell: Element | undefined, hasColumn: boolean, list: ListContext, what: string): ClientRef | undefined {
  if (hasColumn) {
    const name = ownText(cell);
    if (name) return list.report.client(name);
    list.report.warn(`Dropped ${what} rows with an empty client cell.`);
    return undefined;
  }
  if (list.subject) return list.subject;
  list.report.warn(`Dropped ${what} rows: neither the row nor the page names a client.`);
  return undefined;
}

/** A row's cell for a field, through the list's column plan. */
function cellsByField<F>(columns: ReadonlyMap<F, number>, record: RowRecord): (field: F) => Element | undefined {
  return (field) => {
    const column = columns.get(field);
    return column === undefined ? undefined : record.cells[column];
  };
}

function buildInvoice(
  record: RowRecord,
  plan: Extract<ColumnPlan, { kind: 'invoice' }>,
  orders: Map<string, DateOrder>,
  list: ListContext,
  hooks: ListHooks,
): InvoiceObservation | undefined {
  const cellOf = cellsByField(plan.columns, record);
  const client = rowClient(cellOf('client'), plan.columns.has('client'), list, 'invoice');
  if (!client) return undefined;
  let invoice: InvoiceObservation = { kind: 'invoice', client, number: list.report.cap(record.key, 'invoice number') };
  for (const field of DATE_FIELDS.invoice) {
    const sources = record.dates.get(field);
    if (!sources) continue;
    const date = readDate(sources, orders.get(field) ?? 'dmy', list, `${field} date`);
    if (date) invoice[field] = date.date;
  }
  const amountColumn = plan.columns.get('amount');
  const amount = readMoney(cellOf('amount'), amountColumn === undefined ? undefined : plan.headerCurrency.get(amountColumn), list, 'amount');
  if (amount) {
    invoice.amount = amount.value;
    if (amount.currency) invoice.currency = amount.currency;
  }
  const discountCell = cellOf('discount');
  if (discountCell && !text(discountCell).includes('%')) {
    const discount = readMoney(discountCell, undefined, list, 'discount');
    if (discount && discount.value !== 0) invoice.discount = Math.abs(discount.value);
  }
  const status = readWord(cellOf('status'), invoiceStatusOf);
  if (status) invoice.status = status;
  if (hooks.adjustInvoice) invoice = hooks.adjustInvoice(invoice, cellOf);
  return invoice;
}

function buildTicket(
  record: RowRecord,
  plan: Extract<ColumnPlan, { kind: 'ticket' }>,
  orders: Map<string, DateOrder>,
  list: ListContext,
): TicketObservation | undefined {
  const cellOf = cellsByField(plan.columns, record);
  const sources = record.dates.get('created');
  const created = sources ? readDate(sources, orders.get('created') ?? 'dmy', list, 'created time') : undefined;
  if (!created) {
    list.report.warn('Dropped ticket rows with no readable created time.');
    return undefined;
  }
  // Zendesk-like lists name the requester, a person; the organisation (a column, else the page) is the client.
  const byPerson = !plan.columns.has('client') && !list.subject && plan.columns.has('requester');
  const client = byPerson
    ? rowClient(cellOf('requester'), true, list, 'ticket')
    : rowClient(cellOf('client'), plan.columns.has('client'), list, 'ticket');
  if (!client) return undefined;
  const ticket: TicketObservation = { kind: 'ticket', client, id: list.report.cap(record.key, 'ticket id'), created: toIso(created) };
  const priority = readWord(cellOf('priority'), priorityOf);
  if (priority) ticket.priority = priority;
  const status = readWord(cellOf('status'), ticketStatusOf);
  if (status) ticket.status = status;
  const satisfaction = readWord(cellOf('satisfaction'), satisfactionOf);
  if (satisfaction) ticket.satisfaction = satisfaction;
  const tags = readTags(cellOf('tags'), list);
  if (tags) ticket.tags = tags;
  const subject = text(cellOf('subject'));
  if (subject) ticket.subject = list.report.cap(subject, 'ticket subject');
  return ticket;
}

/** Whether a row's status cell holds a status word of the list's kind. */
function hasStatusWord(record: RowRecord, plan: ColumnPlan): boolean {
  const column = plan.columns.get('status');
  const cell = column === undefined ? undefined : record.cells[column];
  return (plan.kind === 'invoice' ? readWord(cell, invoiceStatusOf) : readWord(cell, ticketStatusOf)) !== undefined;
}

/** A list with neither a client nor a requester column: its rows are about the page's client. */
export function namesNobody(plan: ColumnPlan): boolean {
  return !plan.columns.has('client') && !(plan.kind === 'ticket' && plan.columns.has('requester'));
}

/** A list's header row and what its columns hold. */
export type ListHeader = { row: Element; plan: ColumnPlan };

/** The header row and its plan, or undefined when the grid lists neither invoices nor tickets. */
export function planGrid(grid: Grid, context: string): ListHeader | undefined {
  for (const row of grid.headerRows) {
    const plan = planColumns(grid.cellsOf(row), context);
    if (plan) return { row, plan };
  }
  return undefined;
}

/**
 * Reads the rows of one list into observations, yielding every few rows so a caller can spread
 * a long list over idle time. Pass 1 collects keys and date texts (a column's date order depends
 * on all its values); pass 2 builds the observations.
 */
export function* readList(
  grid: Grid,
  header: ListHeader,
  list: ListContext,
  hooks: ListHooks = {},
): Generator<void, void> {
  const { plan } = header;
  const keyField = plan.kind === 'invoice' ? plan.columns.get('number') : plan.columns.get('id');
  const dateFields = DATE_FIELDS[plan.kind];
  const capacity = LIMITS.maxObservations - list.report.observations.length;
  const records: RowRecord[] = [];
  let seen = 0;
  for (const row of grid.rowsAfter(header.row)) {
    seen += 1;
    if (seen % ROWS_PER_SLICE === 0) yield;
    if (hooks.isDataRow && !hooks.isDataRow(row)) continue;
    const cells = grid.cellsOf(row);
    const keyCell = keyField === undefined ? undefined : cells[keyField];
    const key = cleanId(text(keyCell));
    // Group headers, filter rows and totals are not items: nothing to say about them.
    if (!key || isSummaryRow(keyCell, key)) continue;
    if (records.length >= capacity) {
      list.report.overflow();
      break;
    }
    const dates = new Map<string, DateSources>();
    for (const field of dateFields) {
      const column = plan.kind === 'invoice' ? plan.columns.get(field as InvoiceField) : plan.columns.get(field as TicketField);
      if (column !== undefined) dates.set(field, dateSources(cells[column]));
    }
    records.push({ cells, key, dates });
  }
  const orders = new Map<string, DateOrder>();
  for (const field of dateFields) {
    const values = records.flatMap((record) => {
      const sources = record.dates.get(field);
      return sources ? [sources.shown, sources.tooltip ?? ''] : [];
    });
    orders.set(field, columnDateOrder(values, list.lang));
  }
  if (plan.needsStatusProof && !records.some((record) => hasStatusWord(record, plan))) return;
  // A list only its status words make one, naming nobody on a page about nobody: not a list of ours.
  if (plan.needsStatusProof && namesNobody(plan) && !list.subject) return;
  for (let index = 0; index < records.length; index += 1) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield;
    const record = records[index]!;
    const observation: Observation | undefined =
      plan.kind === 'invoice' ? buildInvoice(record, plan, orders, list, hooks) : buildTicket(record, plan, orders, list);
    if (observation) list.report.add(observation);
  }
}
