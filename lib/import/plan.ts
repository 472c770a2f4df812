import { currencyOf } from '../extract/amounts';
import { LIST_CONTEXT, invoiceStatusOf, ticketStatusOf } from '../extract/vocabulary';
import { cellText, type Cell, type Table } from './cells';
import { IMPORT_FIELDS, isFieldOf, type ColumnMapping, type ImportKind, type InvoiceImportField, type TicketImportField } from './fields';
import { EXPLICIT_ID, EXPLICIT_NUMBER, LEDGER_HEADERS, readHeader, type HeaderReading } from './headers';
import { statusWord } from './words';
import { columnShape, mostlyAmounts } from './shapes';

/** Columns mapped at most: an export has a few dozen; a hostile CSV line may have millions. */
const MAX_COLUMNS = 256;
/** Rows searched for the header: a title, an export date, a period and blank lines come first. */
const HEADER_SEARCH_ROWS = 30;

type FieldOf<K extends ImportKind> = (typeof IMPORT_FIELDS)[K][number];

/** Which column holds which field, the header row it was read from, and what the headers name. */
export type TablePlan = {
  [K in ImportKind]: {
    kind: K;
    headerRow: number;
    fields: ReadonlyMap<FieldOf<K>, number>;
    /** Currency named in a header ("Сумма, руб."), by column. */
    headerCurrency: ReadonlyMap<number, string>;
    /** Headers in Cyrillic: with no proof either way, dates read day first. */
    cyrillic: boolean;
  };
}[ImportKind];

export type PlanReading = {
  plan?: TablePlan;
  /** The header row's cells and the field each was mapped to. */
  columns: { header: string; field?: string }[];
  /** Why the table is no list of ours, when it is not. */
  why?: string;
};

type Assigned<F> = { fields: Map<F, number>; byUser: Set<number>; byShape: Set<F>; ignored: Set<number> };

/** Each field's best-named column (a better-ranked header word wins the field). */
function byHeader<F extends string>(readings: readonly HeaderReading[], pick: (reading: HeaderReading) => { field: F; rank: number } | undefined): Map<F, number> {
  const best = new Map<F, { column: number; rank: number }>();
  readings.forEach((reading, column) => {
    const found = pick(reading);
    if (!found) return;
    const held = best.get(found.field);
    if (!held || found.rank < held.rank) best.set(found.field, { column, rank: found.rank });
  });
  return new Map([...best].map(([field, { column }]) => [field, column] as const));
}

/** Fields by header for one kind, then the user's mapping on top (a column they name is theirs alone). */
function assign<K extends ImportKind>(kind: K, readings: readonly HeaderReading[], mapping: ColumnMapping | undefined): Assigned<FieldOf<K>> {
  const fields = byHeader(readings, (reading) => (kind === 'invoices' ? reading.invoice : reading.ticket) as { field: FieldOf<K>; rank: number } | undefined);
  const ignored = new Set<number>(readings.flatMap((reading, column) => (reading.ignored ? [column] : [])));
  const byUser = new Set<number>();
  for (const [column, field] of mapping?.columns ?? []) {
    if (!Number.isInteger(column) || column < 0 || column >= readings.length) continue;
    byUser.add(column);
    for (const [held, at] of fields) if (at === column) fields.delete(held);
    if (field === 'ignore') ignored.add(column);
    else if (isFieldOf(kind, field)) {
      ignored.delete(column);
      fields.set(field, column);
    }
  }
  return { fields, byUser, byShape: new Set(), ignored };
}

/** Columns no header word, no user choice and no ignore list has claimed: shapes may fill them. */
function freeColumns<F>(assigned: Assigned<F>, width: number): number[] {
  const taken = new Set([...assigned.fields.values(), ...assigned.ignored, ...assigned.byUser]);
  return Array.from({ length: width }, (_, column) => column).filter((column) => !taken.has(column));
}

/**
 * Where a header says little, the values decide: a "Paid" column of amounts is the amount paid,
 * not the paid date; a column of "INV-1"-like values is the number; a column of dates the issue
 * (then due) date; a column of sums the amount. Fields the user mapped are never touched.
 */
function refineInvoices(assigned: Assigned<InvoiceImportField>, data: readonly (readonly Cell[])[], width: number): void {
  const { fields } = assigned;
  const paid = fields.get('paid');
  if (paid !== undefined && !assigned.byUser.has(paid) && !fields.has('paid-amount') && mostlyAmounts(data, paid)) {
    fields.delete('paid');
    fields.set('paid-amount', paid);
  }
  const shapes = new Map(freeColumns(assigned, width).map((column) => [column, columnShape(data, column)] as const));
  const take = (field: InvoiceImportField, shape: string): void => {
    if (fields.has(field)) return;
    const column = [...shapes].find(([, found]) => found === shape)?.[0];
    if (column === undefined) return;
    fields.set(field, column);
    assigned.byShape.add(field);
    shapes.delete(column);
  };
  take('number', 'document-number');
  if (!fields.has('issued') && !fields.has('due')) {
    take('issued', 'date');
    take('due', 'date');
  }
  if (!fields.has('line-total')) take('amount', 'amount');
}

function refineTickets(assigned: Assigned<TicketImportField>, data: readonly (readonly Cell[])[], width: number): void {
  const shapes = new Map(freeColumns(assigned, width).map((column) => [column, columnShape(data, column)] as const));
  const take = (field: TicketImportField, shape: string): void => {
    if (assigned.fields.has(field)) return;
    const column = [...shapes].find(([, found]) => found === shape)?.[0];
    if (column === undefined) return;
    assigned.fields.set(field, column);
    assigned.byShape.add(field);
    shapes.delete(column);
  };
  take('id', 'document-number');
  take('created', 'date');
}

/** Whether some data row's status cell holds a status word of this kind. */
function hasStatusWord(data: readonly (readonly Cell[])[], column: number | undefined, kind: ImportKind): boolean {
  if (column === undefined) return false;
  const lookup = kind === 'invoices' ? invoiceStatusOf : ticketStatusOf;
  return data.some((row) => statusWord(cellText(row[column]), lookup) !== undefined);
}

type Candidate = { kind: ImportKind; fields: Map<string, number>; exclusive: number };

/** An invoice list needs a number and a date or a sum, and invoice evidence beyond "# / Date / Amount". */
function invoiceCandidate(assigned: Assigned<InvoiceImportField>, readings: readonly HeaderReading[], context: string, data: readonly (readonly Cell[])[], forced: boolean): Candidate | undefined {
  const { fields, byShape } = assigned;
  const number = fields.get('number');
  const has = (field: InvoiceImportField): boolean => fields.has(field) && !byShape.has(field);
  if (number === undefined) return undefined;
  if (!['issued', 'due', 'paid', 'amount', 'line-total', 'balance'].some((field) => fields.has(field as InvoiceImportField))) return undefined;
  const explicit = !byShape.has('number') && EXPLICIT_NUMBER.test(readings[number]?.key ?? '');
  const strong =
    forced || explicit || has('due') || has('paid') || has('balance') || has('paid-amount') || (fields.has('client') && LIST_CONTEXT.invoice.test(context));
  if (!strong && !hasStatusWord(data, fields.get('status'), 'invoices')) return undefined;
  const exclusive = [...fields].filter(([field, column]) => !byShape.has(field) && readings[column]?.ticket === undefined).length;
  return { kind: 'invoices', fields, exclusive };
}

/** A ticket list needs an id and a created time, and ticket evidence beyond "ID / Title / Created". */
function ticketCandidate(assigned: Assigned<TicketImportField>, readings: readonly HeaderReading[], context: string, data: readonly (readonly Cell[])[], forced: boolean): Candidate | undefined {
  const { fields, byShape } = assigned;
  const id = fields.get('id');
  const has = (field: TicketImportField): boolean => fields.has(field) && !byShape.has(field);
  if (id === undefined || !fields.has('created')) return undefined;
  const explicit = !byShape.has('id') && EXPLICIT_ID.test(readings[id]?.key ?? '');
  const named = has('client') || has('requester');
  const strong = forced || explicit || has('priority') || has('satisfaction') || has('tags') || (named && (has('subject') || LIST_CONTEXT.ticket.test(context)));
  if (!strong && !hasStatusWord(data, fields.get('status'), 'tickets')) return undefined;
  const exclusive = [...fields].filter(([field, column]) => !byShape.has(field) && readings[column]?.invoice === undefined).length;
  return { kind: 'tickets', fields, exclusive };
}

/** How many fields a row's cells name as headers, for either kind: the header row names the most. */
function headerScore(row: readonly Cell[]): number {
  const readings = row.slice(0, MAX_COLUMNS).map((cell) => (typeof cell === 'string' ? readHeader(cell) : { key: '' }));
  const invoice = new Set(readings.flatMap((reading) => (reading.invoice ? [reading.invoice.field] : [])));
  const ticket = new Set(readings.flatMap((reading) => (reading.ticket ? [reading.ticket.field] : [])));
  return Math.max(invoice.size, ticket.size);
}

/** The header row: among the first rows, the one whose cells name the most fields (at least two; the first of equals). */
function findHeaderRow(rows: readonly (readonly Cell[])[]): number | undefined {
  let best: { row: number; score: number } | undefined;
  for (let row = 0; row < Math.min(rows.length, HEADER_SEARCH_ROWS); row += 1) {
    const score = headerScore(rows[row]!);
    if (score >= 2 && (!best || score > best.score)) best = { row, score };
  }
  return best?.row;
}

const NOT_A_LIST =
  'an invoice list needs an invoice number and a date or an amount; a ticket list, a ticket id and a created time';

/**
 * Reads what a table is: finds its header row after any preamble, maps each column by its
 * header (the page readers' EN/RU words and export words), lets the values decide where the
 * header says little, applies the user's `mapping`, and decides invoices, tickets, or neither
 * (with the reason). `context` is the file's name ("invoices-2026.csv" hints at invoices).
 *
 * @example planTable({ rows: [['Invoice #', 'Client', 'Due date'], ['INV-1', 'Acme', '2026-03-01']] }, 'x.csv').plan?.kind // 'invoices'
 */
export function planTable(table: Table, context: string, mapping?: ColumnMapping): PlanReading {
  const { rows } = table;
  const named = mapping?.headerRow !== undefined && mapping.headerRow >= 0 && mapping.headerRow < rows.length ? mapping.headerRow : undefined;
  // A user who maps columns by hand of a file whose header we cannot find means its first row.
  const headerRow = named ?? findHeaderRow(rows) ?? (mapping?.columns?.size && rows.length ? 0 : undefined);
  if (headerRow === undefined) {
    return { columns: [], why: `No row of the file reads as the header of a list of invoices or tickets: ${NOT_A_LIST}.` };
  }
  const header = rows[headerRow]!;
  const data = rows.slice(headerRow + 1);
  const width = Math.min(MAX_COLUMNS, Math.max(header.length, ...data.slice(0, 50).map((row) => row.length)));
  const readings = Array.from({ length: width }, (_, column) => readHeader(cellText(header[column])));
  const texts = Array.from({ length: width }, (_, column) => cellText(header[column]));
  const cyrillic = texts.some((text) => /[а-яё]/i.test(text));
  const headerCurrency = new Map<number, string>();
  texts.forEach((text, column) => {
    const code = text ? currencyOf(text) : undefined;
    if (code) headerCurrency.set(column, code);
  });

  const invoices = assign('invoices', readings, mapping);
  const tickets = assign('tickets', readings, mapping);
  refineInvoices(invoices, data, width);
  refineTickets(tickets, data, width);
  const ledger = readings.filter((reading) => LEDGER_HEADERS.has(reading.key)).length >= 2;
  const candidates = [
    mapping?.kind !== 'tickets' && !(ledger && !mapping?.kind) ? invoiceCandidate(invoices, readings, context, data, mapping?.kind === 'invoices') : undefined,
    mapping?.kind !== 'invoices' ? ticketCandidate(tickets, readings, context, data, mapping?.kind === 'tickets') : undefined,
  ].filter((candidate): candidate is Candidate => candidate !== undefined);
  candidates.sort((a, b) => b.exclusive - a.exclusive || b.fields.size - a.fields.size);
  const chosen = candidates[0];
  const fieldOf = new Map([...(chosen?.fields ?? [])].map(([field, column]) => [column, field] as const));
  const columns = texts.map((text, column) => {
    const field = fieldOf.get(column);
    return field ? { header: text, field } : { header: text };
  });
  if (!chosen) {
    const why = ledger
      ? 'This looks like a ledger or a bank statement (debit and credit columns), not a list of invoices.'
      : `The columns (${texts.filter(Boolean).slice(0, 8).join(', ')}) do not make a list of invoices or tickets: ${NOT_A_LIST}.`;
    return { columns, why };
  }
  const plan: TablePlan =
    chosen.kind === 'invoices'
      ? { kind: 'invoices', headerRow, fields: invoices.fields, headerCurrency, cyrillic }
      : { kind: 'tickets', headerRow, fields: tickets.fields, headerCurrency, cyrillic };
  return { plan, columns };
}
