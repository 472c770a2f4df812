import { LIMITS } from '../limits';
import type { ClientRef, InvoiceObservation, InvoiceStatus, TicketObservation } from '../model';
import { columnAmountReader, currencyOf } from './amounts';
import { planColumns, type ColumnPlan } from './columns';
import {
  dateProofCollector,
  decideDateOrder,
  isMachineTimestamp,
  parseDateInOrder,
  parseRelative,
  parseTimestamp,
  toIso,
  type DateProof,
  type PageDate,
  type PageDateOrder,
} from './dates';
import type { Grid } from './grid';
import type { PageReport } from './report';
import { taxIdInColumn, taxIdInText } from './tax-ids';
import { cellLines, cellText, columnTextReader, ownText, plainCellTest, squish, text } from './text';
import {
  invoiceStatusOf,
  isPostingState,
  priorityOf,
  satisfactionOf,
  ticketStatusOf,
  type InvoiceField,
  type TicketField,
} from './vocabulary';

/** What every list reader needs from the page. */
export type ListContext = {
  now: Date;
  /** The page's `lang`, which decides how "03/05/2026" reads when no date on the page proves it. */
  lang: string;
  subject?: ClientRef;
  report: PageReport;
  /** The page's date order, decided once from every date on it; without it a list decides from its own dates. */
  dateOrder?: PageDateOrder;
};

/** A site reader's say on a row the generic reader has read (e.g. Dolibarr's late picto). */
export type ListHooks = {
  /** Rows to read at all (Dolibarr: data rows are `tr.oddeven`). */
  isDataRow?(row: Element): boolean;
  adjustInvoice?(invoice: InvoiceObservation, cellOf: (field: InvoiceField) => Element | undefined): InvoiceObservation;
  adjustTicket?(ticket: TicketObservation, cellOf: (field: TicketField) => Element | undefined): TicketObservation;
};

/** Rows read between two yields: small enough that a slice stays well under 50 ms. */
const ROWS_PER_SLICE = 200;

type Cells = (Element | undefined)[];
/** A row to read: its cells are fetched by column when the grid can (`cellAt`), else once as an array. */
type RowRecord = { row: Element; key: string; cells?: Cells };

/** Where a cell's date may be: a machine stamp (ISO, epoch) and texts to read in the page's order, best first. */
export type DateSources = { machine?: string; texts: string[]; shown: string };

const DATE_FIELDS = { invoice: ['issued', 'due', 'paid'], ticket: ['created'] } as const;
type DateField = (typeof DATE_FIELDS)[keyof typeof DATE_FIELDS][number];

/** The cell itself or the first element inside it that matches (never an ancestor: a row attribute is not this cell's). */
function withinCell(cell: Element, selector: string): Element | null {
  return cell.matches(selector) ? cell : cell.querySelector(selector);
}

/** The raw value ERPNext keeps in `data-filter="<field>,=,<value>"`: what the cell shows, unformatted. */
function filterValue(cell: Element): string | undefined {
  if (cell.childElementCount === 0 && !cell.hasAttribute('data-filter')) return undefined;
  const raw = withinCell(cell, '[data-filter]')?.getAttribute('data-filter');
  const value = raw?.split(',=,')[1];
  return value ? squish(value) : undefined;
}

/** A tooltip that names its field first ("Due Date: 04-03-2026"), without the name. */
function tooltipValue(raw: string): string {
  return squish(raw).replace(/^[^:\d]{1,40}:\s+(?=\S)/, '');
}

/** Raw date values of a cell, machine-readable ones first (SITE_FACTS §8: the exact value hides in an attribute). */
export function dateSources(cell: Element | undefined): DateSources {
  if (!cell) return { texts: [], shown: '' };
  const shown = cellText(cell);
  if (cell.childElementCount === 0 && !cell.hasAttributes()) return { texts: shown ? [shown] : [], shown };
  const sources: DateSources = { texts: [], shown };
  const stamp =
    withinCell(cell, 'time[datetime]')?.getAttribute('datetime') ??
    withinCell(cell, '[data-timestamp]')?.getAttribute('data-timestamp') ??
    filterValue(cell);
  // A stamp that is not ISO or epoch ("03/04/2026 10:00") reads in the page's order, like any text.
  if (stamp && isMachineTimestamp(stamp)) sources.machine = stamp.trim();
  else if (stamp) sources.texts.push(squish(stamp));
  const tooltip = withinCell(cell, '[title]')?.getAttribute('title');
  if (tooltip) sources.texts.push(tooltipValue(tooltip));
  if (shown) sources.texts.push(shown);
  return sources;
}

function quote(value: string): string {
  return `"${squish(value).slice(0, 60)}"`;
}

/** Said once per page whose dates prove both orders: its ambiguous dates are dropped, never guessed. */
export const AMBIGUOUS_DATES = 'Ambiguous dates dropped: dates on this page prove both day-first and month-first order.';

/** Reads a cell's date in the page's date order; what cannot be read becomes a warning, never a guess. */
function readDate(sources: DateSources, order: PageDateOrder, list: Pick<ListContext, 'now' | 'report'>, what: string): PageDate | undefined {
  if (sources.machine) {
    const machine = parseTimestamp(sources.machine);
    if (machine && machine !== 'invalid') return machine;
  }
  for (const value of sources.texts) {
    const absolute = parseDateInOrder(value, order);
    if (absolute === 'ambiguous') {
      list.report.warn(AMBIGUOUS_DATES);
      return undefined;
    }
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

/** One badge per state: a payment state and a posting state may sit side by side (Odoo, 1C). */
function statusParts(cell: Element): string[] {
  const shown = cellText(cell);
  const lines = cell.childElementCount > 1 ? cellLines(cell).map((line) => line.text) : [];
  const labelled = Array.from(cell.querySelectorAll('[aria-label], [title]')).map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '');
  const raw = filterValue(cell);
  return [...(raw ? [raw] : []), ...lines, shown, ...labelled].map(squish).filter(Boolean);
}

type WordReading<T> = { value?: T; unknown?: string };

/**
 * A status word from a cell: a payment badge wins over a posting badge beside it; an icon's label
 * or tooltip counts (Odoo portal badges); text that means nothing known is `unknown`.
 */
function readWord<T>(cell: Element | undefined, lookup: (raw: string) => T | undefined, ignore?: (raw: string) => boolean): WordReading<T> {
  if (!cell) return {};
  const parts = statusParts(cell);
  for (const part of parts) {
    const value = lookup(part);
    if (value !== undefined) return { value };
  }
  const shown = parts[0];
  if (!shown || !/\p{L}/u.test(shown) || parts.every((part) => ignore?.(part))) return {};
  return { unknown: shown };
}

/** One element per tag: chips (`span.tag`, `li`) side by side, or a comma-separated line. */
function readTags(cell: Element | undefined, list: ListContext): string[] | undefined {
  if (!cell) return undefined;
  const lines = cellLines(cell);
  const chips = lines.length > 1 || (lines[0]?.el && lines[0].el !== cell && cell.childElementCount > 0) ? lines.map((line) => line.text) : [];
  const tags = (chips.length ? chips : cellText(cell).split(/[,;]/)).map(squish).filter((tag) => tag && !/^[—–-]+$/.test(tag));
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
export function cleanId(raw: string): string {
  return squish(raw.replace(/^\s*[#№]\s*/, ''));
}

/** Nothing to read in a cell: empty, or a dash that stands for nothing ("--", "—", "n/a"). */
const EMPTY_VALUE = /^(?:[—–-]+|n\/a|none|нет)?$/i;

/** Initials on an avatar ("HS") or a count badge ("3", "(12)") beside a name: not part of it. */
const INITIALS = /^[A-ZА-ЯЁ]{1,3}$/;
const COUNT_BADGE = /^\(?\d{1,6}\)?$/;
const NOISE_CLASS = /avatar|initials|badge|counter|count\b/i;

/**
 * The client a cell names: the name alone, without an avatar's initials or a count badge beside
 * it, and the tax id a second line holds ("УНП 190123456").
 *
 * @example clientInCell(td) // { name: 'Harlan Supplies' } for "HS Harlan Supplies 3"
 */
export function clientInCell(cell: Element | undefined): { name: string; taxId?: string } | undefined {
  if (!cell) return undefined;
  if (cell.childElementCount === 0) {
    const name = text(cell);
    return EMPTY_VALUE.test(name) ? undefined : { name };
  }
  // A sloppy or hostile page puts a table in a name cell: its words are not the name.
  if (cell.querySelector('table')) {
    const name = ownText(cell);
    return EMPTY_VALUE.test(name) ? undefined : { name };
  }
  let taxId: string | undefined;
  const names: string[] = [];
  for (const line of cellLines(cell)) {
    const found = taxIdInText(line.text);
    if (found) {
      taxId ??= found;
      continue;
    }
    if (COUNT_BADGE.test(line.text) || (line.el && NOISE_CLASS.test(line.el.getAttribute('class') ?? ''))) continue;
    names.push(line.text);
  }
  if (names.length > 1 && INITIALS.test(names[0]!)) names.shift();
  const name = names[0];
  if (!name || EMPTY_VALUE.test(name)) return undefined;
  return taxId ? { name, taxId } : { name };
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

/** A list's cells by column: straight from the grid where it can, else from the row's array, built once. */
type CellReader = (record: RowRecord, column: number) => Element | undefined;

function cellReader(grid: Grid): CellReader {
  return (record, column) => (record.cells ??= grid.cellsOf(record.row))[column];
}

/** How one field is reached in a row (its column, or a line of its stacked cell), decided once per list. */
type FieldAccess = { cell(record: RowRecord): Element | undefined; text(record: RowRecord): string; line: boolean };

function access(plan: ColumnPlan, cellOf: CellReader, field: string): FieldAccess | undefined {
  const column = (plan.columns as ReadonlyMap<string, number>).get(field);
  if (column === undefined) return undefined;
  const line = plan.lines.get(field);
  if (line === undefined) {
    const textOf = columnTextReader();
    return {
      cell: (record) => cellOf(record, column),
      text: (record) => textOf(cellOf(record, column)),
      line: false,
    };
  }
  // A header with two stacked labels: each field is on its line of the cell, or fills a cell that has one line.
  const lineOf = (record: RowRecord): { text: string; el: Element | null } | undefined => {
    const cell = cellOf(record, column);
    if (!cell) return undefined;
    const lines = cellLines(cell);
    if (lines.length < 2) return line === 0 ? { text: cellText(cell), el: cell } : undefined;
    return lines[line];
  };
  return { cell: (record) => lineOf(record)?.el ?? undefined, text: (record) => lineOf(record)?.text ?? '', line: true };
}

/** A list's rows, collected before anything is read from them (the page's date order needs every date first). */
export type PendingList = {
  plan: ColumnPlan;
  cellOf: CellReader;
  records: RowRecord[];
  /** Date sources by field, one per record; a plain cell's date is its text alone (no object per cell). */
  dates: [DateField, (DateSources | string)[]][];
  /** What the list's dates prove about the page's date order. */
  proof: DateProof;
  hooks: ListHooks;
  /** The header row's words, which tell an English page from a Russian one when it has no `lang`. */
  headerText: string;
};

/**
 * Pass 1 over a list: the rows that are items (not group headers, filter rows or totals), their
 * keys, and the raw texts of their dates, noting what the dates prove. Yields every few rows.
 */
export function* collectList(grid: Grid, header: ListHeader, list: ListContext, hooks: ListHooks = {}): Generator<void, PendingList> {
  const { plan } = header;
  const cellOf = cellReader(grid);
  const key = access(plan, cellOf, plan.kind === 'invoice' ? 'number' : 'id')!;
  const dated: { field: DateField; reach: FieldAccess; isPlain: (cell: Element) => boolean; values: (DateSources | string)[] }[] = [];
  for (const field of DATE_FIELDS[plan.kind]) {
    const reach = access(plan, cellOf, field);
    if (reach) dated.push({ field, reach, isPlain: plainDateCells(), values: [] });
  }
  const proof = dateProofCollector();
  const capacity = LIMITS.maxObservations - list.report.observations.length;
  const records: RowRecord[] = [];
  let seen = 0;
  for (const row of grid.rowsAfter(header.row)) {
    seen += 1;
    if (seen % ROWS_PER_SLICE === 0) yield;
    if (hooks.isDataRow && !hooks.isDataRow(row)) continue;
    const record: RowRecord = { row, key: '' };
    const keyCell = key.cell(record);
    record.key = cleanId(key.text(record));
    // Group headers, filter rows and totals are not items: nothing to say about them.
    if (!record.key || EMPTY_VALUE.test(record.key) || isSummaryRow(keyCell, record.key)) continue;
    if (records.length >= capacity) {
      list.report.overflow();
      break;
    }
    records.push(record);
    for (let index = 0; index < dated.length; index += 1) {
      const { reach, isPlain, values } = dated[index]!;
      const cell = reach.cell(record);
      if (cell && isPlain(cell)) {
        const shown = text(cell);
        proof.note(shown);
        values.push(shown);
      } else {
        const sources = dateSources(cell);
        for (const value of sources.texts) proof.note(value);
        values.push(sources);
      }
    }
  }
  return { plan, cellOf, records, dates: dated.map(({ field, values }) => [field, values]), proof: proof.proof, hooks, headerText: text(header.row) };
}

/**
 * A date column's test of plain cells (text only: no element, no attribute that may hold the exact
 * value), decided once from its first cells: a column is drawn one way, so when its first cells
 * are plain the rest are taken for plain without a look.
 */
function plainDateCells(): (cell: Element) => boolean {
  let plainSoFar = 0;
  return (cell) => {
    if (plainSoFar >= 8) return true;
    const plain = cell.childElementCount === 0 && !cell.hasAttributes();
    plainSoFar = plain && plainSoFar >= 0 ? plainSoFar + 1 : -1;
    return plain;
  };
}

/** A column's date reader: a plain cell's text is read once per distinct value, a cell with attributes in full. */
function dateReader(list: ListContext & { dateOrder: PageDateOrder }, what: string): (sources: DateSources | string) => PageDate | undefined {
  const plain = memo((shown: string) => readDate({ texts: shown ? [shown] : [], shown }, list.dateOrder, list, what));
  return (sources) => (typeof sources === 'string' ? plain(sources) : readDate(sources, list.dateOrder, list, what));
}

/** Reads each value of a column once: long lists repeat a few statuses, names and dates many times. */
function memo<T>(read: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined || seen.has(raw)) return known as T;
    const value = read(raw);
    if (seen.size < 10_000) seen.set(raw, value);
    return value;
  };
}

type Found = { name: string; taxId?: string };

/**
 * A column's clients as references: a plain cell is read once per distinct name, and the rows of
 * one client share one reference (a long list names few clients many times).
 */
function clientColumn(pending: PendingList, field: 'client' | 'requester', list: ListContext): (record: RowRecord) => ClientRef | undefined {
  const { plan, cellOf } = pending;
  const reach = access(plan, cellOf, field)!;
  const taxColumn = (plan.columns as ReadonlyMap<string, number>).get('taxId');
  const refs = new Map<string, ClientRef>();
  const refOf = (found: Found): ClientRef => {
    const key = `${found.name}\u0000${found.taxId ?? ''}`;
    let client = refs.get(key);
    if (!client) {
      client = list.report.client(found.name);
      if (found.taxId) client.taxId = found.taxId;
      refs.set(key, client);
    }
    return client;
  };
  const plain = memo((name: string): ClientRef | undefined => (EMPTY_VALUE.test(name) ? undefined : refOf({ name })));
  const isPlain = plainCellTest();
  return (record) => {
    const cell = reach.cell(record);
    // A name alone in its cell, or in one plain link: no badge, no second line to look for.
    if (cell && taxColumn === undefined && isPlain(cell)) return plain(text(cell));
    const found = clientInCell(cell);
    if (!found) return undefined;
    const taxId = found.taxId ?? (taxColumn === undefined ? undefined : taxIdInColumn(text(cellOf(record, taxColumn))));
    return refOf(taxId ? { name: found.name, taxId } : found);
  };
}

/** The client of each row: its own cell, else the page's subject; a row with neither is dropped with a warning. */
function rowClients(pending: PendingList, field: 'client' | 'requester' | undefined, list: ListContext, what: string): (record: RowRecord) => ClientRef | undefined {
  if (!field) {
    return () => {
      if (!list.subject) list.report.warn(`Dropped ${what} rows: neither the row nor the page names a client.`);
      return list.subject;
    };
  }
  const column = clientColumn(pending, field, list);
  return (record) => {
    const client = column(record);
    if (!client) list.report.warn(`Dropped ${what} rows with an empty client cell.`);
    return client;
  };
}

type MoneyReading = { value: number; currency?: string };

function moneyReader(list: ListContext, what: string): (raw: string, headerCurrency?: string) => MoneyReading | undefined {
  const read = columnAmountReader();
  return (raw, headerCurrency) => {
    if (!raw || !/\d/.test(raw)) return undefined;
    const money = read(raw);
    if (money === 'invalid' || money === undefined) {
      list.report.warn(`Invalid ${what} ${quote(raw)} ignored.`);
      return undefined;
    }
    if (money.currency || !headerCurrency) return money;
    return { value: money.value, currency: headerCurrency };
  };
}

/** The status a list shows for an invoice: its status words, else what is owed (0: paid, more: open). */
function invoiceStatus(words: WordReading<InvoiceStatus>, owed: MoneyReading | undefined, list: ListContext): InvoiceStatus | undefined {
  if (words.value) return words.value;
  if (words.unknown) list.report.warn(`Unknown invoice status ${quote(words.unknown)}: no status recorded.`);
  if (!owed) return undefined;
  if (owed.value === 0) return 'paid';
  return owed.value > 0 ? 'open' : undefined;
}

/**
 * A cell's status word: its text through the column's memo (most cells say "Paid" and nothing
 * else), else its badges, labels and tooltips one by one.
 */
const NO_WORD: WordReading<never> = {};

function statusWords<T>(
  cell: Element | undefined,
  textOf: (cell: Element) => string,
  shownWord: (raw: string) => WordReading<T>,
  lookup: (raw: string) => T | undefined,
  ignore?: (raw: string) => boolean,
): WordReading<T> {
  if (!cell) return NO_WORD;
  const shown = shownWord(textOf(cell));
  if (shown.value !== undefined) return shown;
  if (cell.childElementCount > 0 || cell.hasAttributes()) return readWord(cell, lookup, ignore);
  return shown;
}

/** A column of words (statuses, priorities), each distinct text looked up once, its reading shared by the rows that show it. */
function wordColumn<T>(pending: PendingList, field: string, lookup: (raw: string) => T | undefined, ignore?: (raw: string) => boolean): (record: RowRecord) => WordReading<T> {
  const reach = access(pending.plan, pending.cellOf, field);
  if (!reach) return () => NO_WORD;
  const shownWord = memo((shown: string): WordReading<T> => {
    const value = lookup(shown);
    if (value !== undefined) return { value };
    return shown && /\p{L}/u.test(shown) && !ignore?.(shown) ? { unknown: shown } : NO_WORD;
  });
  const textOf = columnTextReader();
  return (record) => statusWords(reach.cell(record), textOf, shownWord, lookup, ignore);
}

type ReadyList = ListContext & { dateOrder: PageDateOrder };

function* buildInvoices(pending: PendingList, plan: Extract<ColumnPlan, { kind: 'invoice' }>, list: ReadyList): Generator<void, void> {
  const { records, hooks, cellOf } = pending;
  const at = (field: string): FieldAccess | undefined => access(plan, cellOf, field);
  const clientOf = rowClients(pending, plan.columns.has('client') ? 'client' : undefined, list, 'invoice');
  const dates = pending.dates.map(([field, values]) => ({ field, values, read: dateReader(list, `${field} date`) }));
  const amountAt = at('amount');
  const amountOf = moneyReader(list, 'amount');
  const amountColumn = plan.columns.get('amount');
  const headerCurrency = amountColumn === undefined ? undefined : plan.headerCurrency.get(amountColumn);
  const currencyAt = at('currency');
  const currencyIn = memo((raw: string) => currencyOf(raw));
  const discountAt = at('discount');
  const discountOf = moneyReader(list, 'discount');
  const owedAt = at('owed');
  const owedOf = moneyReader(list, 'amount owed');
  const statusOf = wordColumn(pending, 'status', invoiceStatusOf, isPostingState);
  for (let index = 0; index < records.length; index += 1) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield;
    const record = records[index]!;
    const client = clientOf(record);
    if (!client) continue;
    let invoice: InvoiceObservation = { kind: 'invoice', client, number: list.report.cap(record.key, 'invoice number') };
    for (let column = 0; column < dates.length; column += 1) {
      const { field, values, read } = dates[column]!;
      const date = read(values[index]!)?.date;
      if (!date) continue;
      // One store per field name: a computed key would make every store a slow one.
      if (field === 'issued') invoice.issued = date;
      else if (field === 'due') invoice.due = date;
      else invoice.paid = date;
    }
    const amount = amountAt ? amountOf(amountAt.text(record), headerCurrency) : undefined;
    if (amount) {
      invoice.amount = amount.value;
      const currency = (currencyAt ? currencyIn(currencyAt.text(record)) : undefined) ?? amount.currency;
      if (currency) invoice.currency = currency;
    }
    const discountText = discountAt ? discountAt.text(record) : '';
    if (discountText && !discountText.includes('%')) {
      const discount = discountOf(discountText);
      if (discount && discount.value !== 0) invoice.discount = Math.abs(discount.value);
    }
    const words = statusOf(record);
    // What is owed tells paid from unpaid only where no status word does, and the currency where no total does.
    const owed = owedAt && (!words.value || !amountAt) ? owedOf(owedAt.text(record)) : undefined;
    const status = invoiceStatus(words, owed, list);
    if (status) invoice.status = status;
    if (!amountAt && owed?.currency && !invoice.currency) invoice.currency = owed.currency;
    if (hooks.adjustInvoice) invoice = hooks.adjustInvoice(invoice, (field) => at(field)?.cell(record));
    list.report.add(invoice);
  }
}

function* buildTickets(pending: PendingList, plan: Extract<ColumnPlan, { kind: 'ticket' }>, list: ReadyList): Generator<void, void> {
  const { records, hooks, cellOf } = pending;
  const at = (field: string): FieldAccess | undefined => access(plan, cellOf, field);
  // Zendesk-like lists name the requester, a person; the organisation (a column, else the page) is the client.
  const byPerson = !plan.columns.has('client') && !list.subject && plan.columns.has('requester');
  const clientOf = rowClients(pending, byPerson ? 'requester' : plan.columns.has('client') ? 'client' : undefined, list, 'ticket');
  const createdOf = dateReader(list, 'created time');
  const created = pending.dates.find(([field]) => field === 'created')?.[1] ?? [];
  const priorityIn = wordColumn(pending, 'priority', priorityOf);
  const statusIn = wordColumn(pending, 'status', ticketStatusOf);
  const satisfactionIn = wordColumn(pending, 'satisfaction', satisfactionOf);
  const tagsAt = at('tags');
  const subjectAt = at('subject');
  for (let index = 0; index < records.length; index += 1) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield;
    const record = records[index]!;
    const sources = created[index];
    const when = sources === undefined ? undefined : createdOf(sources);
    if (!when) {
      list.report.warn('Dropped ticket rows with no readable created time.');
      continue;
    }
    const client = clientOf(record);
    if (!client) continue;
    let ticket: TicketObservation = { kind: 'ticket', client, id: list.report.cap(record.key, 'ticket id'), created: toIso(when) };
    const priority = priorityIn(record).value;
    if (priority) ticket.priority = priority;
    const status = statusIn(record).value;
    if (status) ticket.status = status;
    const satisfaction = satisfactionIn(record).value;
    if (satisfaction) ticket.satisfaction = satisfaction;
    const tags = tagsAt ? readTags(tagsAt.cell(record), list) : undefined;
    if (tags) ticket.tags = tags;
    const subjectCell = subjectAt?.cell(record);
    // A subject over its preview text (FreeScout): the first line is the subject.
    const subject = subjectCell ? (cellLines(subjectCell)[0]?.text ?? '') : '';
    if (subject && !EMPTY_VALUE.test(subject)) ticket.subject = list.report.cap(subject, 'ticket subject');
    if (hooks.adjustTicket) ticket = hooks.adjustTicket(ticket, (field) => at(field)?.cell(record));
    list.report.add(ticket);
  }
}

/** Whether a row's status cell holds a status word of the list's kind. */
function hasStatusWord(record: RowRecord, pending: PendingList): boolean {
  const { plan } = pending;
  const cell = access(plan, pending.cellOf, 'status')?.cell(record);
  return (plan.kind === 'invoice' ? readWord(cell, invoiceStatusOf) : readWord(cell, ticketStatusOf)).value !== undefined;
}

/** Whether a collected list is one of ours: a list only its status column marks needs some row's status to prove it. */
function isOurList(pending: PendingList, subject: ClientRef | undefined): boolean {
  const { plan } = pending;
  if (!plan.needsStatusProof) return true;
  if (!pending.records.some((record) => hasStatusWord(record, pending))) return false;
  // A list only its status words make one, naming nobody on a page about nobody: not a list of ours.
  return !(namesNobody(plan) && !subject);
}

/** Pass 2: the observations of a collected list, read in the page's date order. */
export function* buildList(pending: PendingList, list: ReadyList): Generator<void, void> {
  if (!isOurList(pending, list.subject)) return;
  const { plan } = pending;
  if (plan.kind === 'invoice') yield* buildInvoices(pending, plan, list);
  else yield* buildTickets(pending, plan, list);
}

/**
 * Reads the rows of one list into observations, yielding every few rows so a caller can spread
 * a long list over idle time. Pass 1 collects keys and date texts (the date order depends on all
 * of them); pass 2 builds the observations, column readers deciding each format once.
 */
export function* readList(grid: Grid, header: ListHeader, list: ListContext, hooks: ListHooks = {}): Generator<void, void> {
  const pending = yield* collectList(grid, header, list, hooks);
  const dateOrder = list.dateOrder ?? decideDateOrder([pending.proof], list.lang, { english: !/[а-яё]/i.test(pending.headerText) });
  yield* buildList(pending, { ...list, dateOrder });
}

/**
 * For a site reader: reads one list it has found (a table through tableGrid, an ARIA grid through
 * gridOf) by its header words into `ctx.report`, with the site's hooks, its dates in the order its
 * own dates and the page's language decide. Returns false, having read nothing, when the header
 * names no list of ours.
 *
 * @example const found = yield* readGrid(doc, tableGrid(table), { now, report }, { isDataRow: (row) => row.classList.contains('oddeven') });
 */
export function* readGrid(
  doc: Document,
  grid: Grid,
  ctx: { now: Date; report: PageReport; subject?: ClientRef; context?: string },
  hooks: ListHooks = {},
): Generator<void, boolean> {
  const header = planGrid(grid, ctx.context ?? doc.title);
  if (!header) return false;
  const lang = squish(doc.documentElement?.getAttribute('lang') ?? '');
  yield* readList(grid, header, { now: ctx.now, lang, report: ctx.report, ...(ctx.subject ? { subject: ctx.subject } : {}) }, hooks);
  return true;
}
