import type { InvoiceObservation, Observation, TicketObservation } from '../model';
import type { Table } from './cells';
import { readCsv } from './csv';
import { fileDateOrder } from './date-order';
import { decodeText, htmlCharset, type TextEncoding } from './decode';
import type { ColumnMapping, InvoiceImportField, TicketImportField } from './fields';
import { sniffFormat } from './format';
import { readHtmlTables } from './html-table';
import { buildInvoices } from './invoice-rows';
import { readJson } from './json';
import { planTable, type PlanReading, type TablePlan } from './plan';
import type { CellContext } from './read-cells';
import { ImportReport } from './report';
import { buildTickets } from './ticket-rows';

export { IMPORT_FIELDS, type ColumnMapping } from './fields';
export type { TextEncoding } from './decode';

/** Largest file read (20 MB): a bigger one is refused whole, with a warning, before anything is parsed. */
export const MAX_EXPORT_BYTES = 20 * 1024 * 1024;
/** Data rows read from one file at most; the rest are left out, with a warning. */
export const MAX_EXPORT_ROWS = 200_000;

export type ExportRead = {
  kind: 'invoices' | 'tickets' | 'unknown';
  /** The header row's cells and the field each was mapped to (what `mapping` can correct). */
  columns: { header: string; field?: string }[];
  observations: Observation[];
  warnings: string[];
  /** Data rows after the header (blank rows not counted), whether or not each gave an observation. */
  rows: number;
};

export type ReadExportOptions = {
  /** Relative ticket times ("3 days ago") count back from here; default: the current time. */
  now?: Date;
  /** The user's corrections to the column mapping (see ColumnMapping). */
  mapping?: ColumnMapping;
  /** Forces the text encoding of CSV and HTML files when detection guessed wrong. */
  encoding?: TextEncoding;
};

type Source = { tables: Table[] } | { done: ExportRead };

function unknown(why: string, report: ImportReport, columns: ExportRead['columns'] = []): ExportRead {
  return { kind: 'unknown', columns, observations: [], warnings: [why, ...report.warnings.filter((warning) => warning !== why)], rows: 0 };
}

/** Bytes → tables (or, for API JSON, observations directly), by what the bytes are. */
async function tablesOf(file: { name: string; bytes: Uint8Array }, opts: ReadExportOptions, report: ImportReport): Promise<Source> {
  const { bytes } = file;
  const format = sniffFormat(bytes);
  if (format === 'xlsx') {
    const { readWorkbook, WorkbookError } = await import('./xlsx');
    try {
      const workbook = readWorkbook(bytes, MAX_EXPORT_ROWS + 100);
      for (const warning of workbook.warnings) report.warn(warning);
      return { tables: workbook.sheets };
    } catch (error) {
      if (error instanceof WorkbookError) return { done: unknown(error.message, report) };
      throw error;
    }
  }
  if (format === 'legacy-xls') {
    return { done: unknown('This is an old binary Excel file (Excel 97–2003 .xls): open it and save it as .xlsx or .csv, then import that.', report) };
  }
  if (format === 'binary') {
    return { done: unknown('The file is binary data, not a CSV, XLSX, HTML table or JSON export: nothing could be read from it.', report) };
  }
  const startsWithTag = /^\s*</.test(new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, ''));
  const decoded = decodeText(bytes, { override: opts.encoding, declared: startsWithTag ? htmlCharset(bytes) : undefined });
  if (decoded.note) report.warn(decoded.note);
  const text = decoded.text;
  const start = text.trimStart().slice(0, 1);
  if (start === '<') {
    const tables = readHtmlTables(text);
    if (tables.length) return { tables };
    if (/urn:schemas-microsoft-com:office:spreadsheet/.test(text.slice(0, 4096))) {
      return { done: unknown('This is an Excel 2003 XML spreadsheet: open it and save it as .xlsx or .csv, then import that.', report) };
    }
    return { done: unknown('The file is HTML or XML but holds no table.', report) };
  }
  if (start === '{' || start === '[') {
    const json = readJson(text, report, MAX_EXPORT_ROWS);
    if (json.kind === 'unknown') return { done: unknown(json.why, report) };
    if (json.kind === 'table') return { tables: [json.table] };
    return { done: { kind: 'invoices', columns: json.columns, observations: json.observations, warnings: report.warnings, rows: json.rows } };
  }
  if (text.trim() === '') return { done: unknown('The file holds no text but white space.', report) };
  return { tables: [{ rows: readCsv(text).rows }] };
}

/** Every date text in the plan's date columns: the file's date order is decided from all of them. */
function dateTexts(plan: TablePlan, data: Table['rows']): string[] {
  const fields: (InvoiceImportField | TicketImportField)[] = plan.kind === 'invoices' ? ['issued', 'due', 'paid'] : ['created'];
  const columns = fields.flatMap((field) => {
    const column = (plan.fields as ReadonlyMap<string, number>).get(field);
    return column === undefined ? [] : [column];
  });
  const texts: string[] = [];
  for (const row of data) for (const column of columns) if (typeof row[column] === 'string') texts.push(row[column] as string);
  return texts;
}

function readTable(table: Table, plan: TablePlan, reading: PlanReading, now: Date, report: ImportReport): ExportRead {
  let data = table.rows.slice(plan.headerRow + 1);
  const rows = data.length;
  if (data.length > MAX_EXPORT_ROWS) {
    report.warn(`The file has more than ${MAX_EXPORT_ROWS} rows; only the first ${MAX_EXPORT_ROWS} were read.`);
    data = data.slice(0, MAX_EXPORT_ROWS);
  }
  const context: CellContext = { order: fileDateOrder(dateTexts(plan, data), plan.cyrillic), now, report, ambiguousDates: 0, dates: new Map() };
  if (context.order.conflict) report.warn('Dates of this file read some day first (25/03) and some month first (03/25).');
  const observations: (InvoiceObservation | TicketObservation)[] =
    plan.kind === 'invoices' ? buildInvoices(data, { fields: plan.fields, headerCurrency: plan.headerCurrency }, context) : buildTickets(data, plan.fields, context);
  if (context.ambiguousDates > 0) {
    report.warn(`${context.ambiguousDates} dates that read as two different days (like 03/04/2026) were left out, never guessed.`);
  }
  return { kind: plan.kind, columns: reading.columns, observations, warnings: report.warnings, rows };
}

/**
 * Reads an export of invoices or tickets: CSV (`,` `;` or tab; UTF-8 with or without a BOM,
 * or windows-1251), XLSX, the HTML table CRMs save as ".xls", or QuickBooks Online / Xero
 * JSON. Finds the header row after any preamble, maps columns by header (the page readers'
 * EN/RU words) and by value shapes, reads dates, amounts and statuses with the page readers'
 * code, and gives observations that pass the background's schemas. Pure: no browser API, no
 * storage; the same in the options page and in node. A file that is no list of invoices or
 * tickets gives `kind: 'unknown'` and a first warning that says why.
 *
 * @example
 * const read = await readExport({ name: 'invoices.csv', bytes: new TextEncoder().encode('Invoice #,Client,Due date,Status\nINV-1,Acme,2026-03-01,Paid') });
 * // read.kind === 'invoices'; read.observations[0] → { kind: 'invoice', client: { name: 'Acme' }, number: 'INV-1', due: '2026-03-01', status: 'paid' }
 */
export async function readExport(file: { name: string; bytes: Uint8Array }, opts: ReadExportOptions = {}): Promise<ExportRead> {
  const report = new ImportReport();
  const size = file.bytes.length;
  if (size > MAX_EXPORT_BYTES) {
    return unknown(`The file is ${(size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_EXPORT_BYTES / 1024 / 1024} MB are not read. Export a shorter period, or split the file.`, report);
  }
  if (size === 0) return unknown('The file is empty.', report);
  const source = await tablesOf(file, opts, report);
  if ('done' in source) return source.done;
  let first: PlanReading | undefined;
  for (const table of source.tables) {
    const reading = planTable(table, file.name, opts.mapping);
    first ??= reading;
    if (reading.plan) {
      if (table.name && table !== source.tables[0]) report.warn(`Read the sheet "${table.name}" (the first sheets list neither invoices nor tickets).`);
      return readTable(table, reading.plan, reading, opts.now ?? new Date(), report);
    }
  }
  if (!first) return unknown('The file holds no rows.', report);
  return unknown(first.why ?? 'The file lists neither invoices nor tickets.', report, first.columns);
}
