import { squish } from '../extract/text';
import type { InvoiceObservation, InvoiceStatus } from '../model';
import type { Table } from './cells';
import { msJsonDate } from './read-cells';
import type { ImportReport } from './report';

/*
 * JSON as accounting APIs return it. QuickBooks Online: an Invoice entity (alone, in an array,
 * or in `{ QueryResponse: { Invoice: [...] } }`), TxnDate / DueDate as yyyy-MM-dd, TotalAmt,
 * Balance (0: paid). Xero: `{ Invoices: [...] }`, every date twice ("2017-10-26T00:00:00" and
 * "/Date(1508976000000+0000)/"), FullyPaidOnDate the settled date, Status PAID / AUTHORISED / ….
 * Any other array of flat objects is read as a table, its keys the header.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

type JsonRead =
  | { kind: 'invoices'; observations: InvoiceObservation[]; columns: { header: string; field?: string }[]; rows: number }
  | { kind: 'table'; table: Table }
  | { kind: 'unknown'; why: string };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property (never one inherited from Object.prototype: `__proto__` and `constructor` are just keys). */
function get(object: Json | undefined, key: string): Json | undefined {
  return isObject(object) && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

const text = (value: Json | undefined): string | undefined => (typeof value === 'string' && squish(value) !== '' ? squish(value) : undefined);
const number = (value: Json | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** "2017-10-26", "2017-10-26T00:00:00" or "/Date(…)/" → 'yyyy-MM-dd'. */
function day(value: Json | undefined): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(raw)?.[1];
  if (iso && !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().startsWith(iso)) return iso;
  return msJsonDate(raw)?.date;
}

function currency(value: Json | undefined): string | undefined {
  const code = text(value)?.toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

function isQuickBooksInvoice(object: JsonObject): boolean {
  return isObject(get(object, 'CustomerRef')) && (get(object, 'TxnDate') !== undefined || get(object, 'DocNumber') !== undefined);
}

function isXeroInvoice(object: JsonObject): boolean {
  return isObject(get(object, 'Contact')) && (get(object, 'InvoiceID') !== undefined || get(object, 'InvoiceNumber') !== undefined);
}

/** Unpaid is only what the API says is unpaid: a balance above 0. */
function balanceStatus(balance: number | undefined, total: number | undefined): InvoiceStatus | undefined {
  if (balance === undefined) return undefined;
  if (balance <= 0) return 'paid';
  return total !== undefined && balance < total ? 'partial' : 'open';
}

function quickBooksInvoice(object: JsonObject, report: ImportReport): InvoiceObservation | undefined {
  const name = text(get(get(object, 'CustomerRef'), 'name'));
  const docNumber = text(get(object, 'DocNumber')) ?? text(get(object, 'Id'));
  if (!name || !docNumber) {
    report.warn('Dropped QuickBooks invoices with no customer name or no DocNumber.');
    return undefined;
  }
  const invoice: InvoiceObservation = { kind: 'invoice', client: { name: report.cap(name, 'client name') }, number: report.cap(docNumber, 'invoice number') };
  const issued = day(get(object, 'TxnDate'));
  if (issued) invoice.issued = issued;
  const due = day(get(object, 'DueDate'));
  if (due) invoice.due = due;
  const total = number(get(object, 'TotalAmt'));
  if (total !== undefined) invoice.amount = total;
  const code = currency(get(get(object, 'CurrencyRef'), 'value'));
  if (code) invoice.currency = code;
  // A discount is a line of its own (DiscountLineDetail), in money.
  const lines = get(object, 'Line');
  const discount = Array.isArray(lines)
    ? lines.filter(isObject).filter((line) => get(line, 'DetailType') === 'DiscountLineDetail').reduce((sum, line) => sum + (number(get(line, 'Amount')) ?? 0), 0)
    : 0;
  if (discount !== 0) invoice.discount = Math.abs(discount);
  const status = balanceStatus(number(get(object, 'Balance')), total);
  if (status) invoice.status = status;
  return invoice;
}

const XERO_STATUS: ReadonlyMap<string, InvoiceStatus> = new Map([
  ['DRAFT', 'draft'], ['SUBMITTED', 'draft'], ['AUTHORISED', 'open'], ['PAID', 'paid'], ['VOIDED', 'void'], ['DELETED', 'void'],
]);

/** Xero's status; an AUTHORISED invoice (awaiting payment) is partial once something was paid, paid once nothing is due. */
function xeroStatus(object: JsonObject, total: number | undefined): InvoiceStatus | undefined {
  const stated = XERO_STATUS.get(text(get(object, 'Status'))?.toUpperCase() ?? '');
  if (stated !== 'open') return stated;
  const due = balanceStatus(number(get(object, 'AmountDue')), total);
  if (due) return due;
  return (number(get(object, 'AmountPaid')) ?? 0) > 0 ? 'partial' : 'open';
}

/** A Xero invoice, and its credit notes as invoices with a negative amount (DESIGN.md: a credit note is a pressure event). */
function xeroInvoice(object: JsonObject, report: ImportReport): InvoiceObservation[] {
  const name = text(get(get(object, 'Contact'), 'Name'));
  let invoiceNumber = text(get(object, 'InvoiceNumber'));
  if (!invoiceNumber) {
    invoiceNumber = text(get(object, 'InvoiceID'));
    if (invoiceNumber) report.warn('Xero invoices with no InvoiceNumber are keyed by their InvoiceID.');
  }
  if (!name || !invoiceNumber) {
    report.warn('Dropped Xero invoices with no contact name or no number.');
    return [];
  }
  if (get(object, 'Type') === 'ACCPAY') report.warn('The file holds bills to pay (Xero type ACCPAY): each is read as an invoice of its contact.');
  const client = { name: report.cap(name, 'client name') };
  const invoice: InvoiceObservation = { kind: 'invoice', client, number: report.cap(invoiceNumber, 'invoice number') };
  const issued = day(get(object, 'DateString')) ?? day(get(object, 'Date'));
  if (issued) invoice.issued = issued;
  const due = day(get(object, 'DueDateString')) ?? day(get(object, 'DueDate'));
  if (due) invoice.due = due;
  const paid = day(get(object, 'FullyPaidOnDate'));
  if (paid) invoice.paid = paid;
  const total = number(get(object, 'Total'));
  if (total !== undefined) invoice.amount = total;
  const code = currency(get(object, 'CurrencyCode'));
  if (code) invoice.currency = code;
  const status = xeroStatus(object, total);
  if (status) invoice.status = status;
  const credits: InvoiceObservation[] = [];
  const notes = get(object, 'CreditNotes');
  for (const note of Array.isArray(notes) ? notes.filter(isObject) : []) {
    const creditNumber = text(get(note, 'CreditNoteNumber'));
    const amount = number(get(note, 'Total')) ?? number(get(note, 'AppliedAmount'));
    if (!creditNumber || amount === undefined) continue;
    const credit: InvoiceObservation = { kind: 'invoice', client, number: report.cap(creditNumber, 'invoice number') };
    const creditDay = day(get(note, 'DateString')) ?? day(get(note, 'Date'));
    if (creditDay) credit.issued = creditDay;
    credit.amount = -Math.abs(amount);
    if (code) credit.currency = code;
    credits.push(credit);
  }
  return [invoice, ...credits];
}

/** The records of a JSON document: an array, or the one array an API wraps them in. */
function recordsOf(document: Json): Json[] | undefined {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return undefined;
  if (isQuickBooksInvoice(document) || isXeroInvoice(document)) return [document];
  for (const key of ['Invoices', 'Invoice', 'invoices', 'tickets', 'data', 'items', 'results', 'records']) {
    const inner = get(document, key);
    if (Array.isArray(inner)) return inner;
    if (isObject(inner) && (isQuickBooksInvoice(inner) || isXeroInvoice(inner))) return [inner];
  }
  const query = get(document, 'QueryResponse');
  return isObject(query) ? recordsOf(query) : undefined;
}

/** Keys of flat records as a header, values as cells (nested values are left empty). */
function flatTable(records: JsonObject[], maxRows: number): Table {
  const columns = new Map<string, number>();
  for (const record of records.slice(0, 1000)) for (const key of Object.keys(record)) if (!columns.has(key) && columns.size < 256) columns.set(key, columns.size);
  const header = [...columns.keys()];
  const rows = records.slice(0, maxRows).map((record) =>
    header.map((key) => {
      const value = get(record, key);
      return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'boolean' ? String(value) : '';
    }),
  );
  return { rows: [header, ...rows] };
}

/**
 * Reads an API's JSON: QuickBooks Online and Xero invoices field by field, any other list of
 * flat records as a table for the usual header mapping.
 *
 * @example readJson('{"Invoices":[{"InvoiceNumber":"9871","Contact":{"Name":"Melrose"},"Status":"PAID"}]}', report, 1000)
 * // { kind: 'invoices', observations: [{ kind: 'invoice', client: { name: 'Melrose' }, number: '9871', status: 'paid' }], … }
 */
export function readJson(source: string, report: ImportReport, maxRows: number): JsonRead {
  let document: Json;
  try {
    document = JSON.parse(source) as Json;
  } catch {
    return { kind: 'unknown', why: 'The file starts like JSON but is not valid JSON.' };
  }
  const records = recordsOf(document);
  if (!records || records.length === 0) return { kind: 'unknown', why: 'The JSON holds no list of records (invoices or tickets).' };
  const objects = records.filter(isObject);
  if (objects.length > maxRows) report.warn(`The file lists more than ${maxRows} records; only the first ${maxRows} were read.`);
  const kept = objects.slice(0, maxRows);
  if (kept.some(isQuickBooksInvoice)) {
    const observations = kept.filter(isQuickBooksInvoice).flatMap((object) => quickBooksInvoice(object, report) ?? []);
    return { kind: 'invoices', observations, columns: QUICKBOOKS_COLUMNS, rows: kept.length };
  }
  if (kept.some(isXeroInvoice)) {
    const observations = kept.filter(isXeroInvoice).flatMap((object) => xeroInvoice(object, report));
    return { kind: 'invoices', observations, columns: XERO_COLUMNS, rows: kept.length };
  }
  return { kind: 'table', table: flatTable(kept, maxRows) };
}

const QUICKBOOKS_COLUMNS = [
  { header: 'DocNumber', field: 'number' }, { header: 'CustomerRef.name', field: 'client' }, { header: 'TxnDate', field: 'issued' },
  { header: 'DueDate', field: 'due' }, { header: 'TotalAmt', field: 'amount' }, { header: 'CurrencyRef.value', field: 'currency' },
  { header: 'Balance', field: 'balance' }, { header: 'Line (DiscountLineDetail)', field: 'discount' },
];
const XERO_COLUMNS = [
  { header: 'InvoiceNumber', field: 'number' }, { header: 'Contact.Name', field: 'client' }, { header: 'DateString', field: 'issued' },
  { header: 'DueDateString', field: 'due' }, { header: 'FullyPaidOnDate', field: 'paid' }, { header: 'Total', field: 'amount' },
  { header: 'CurrencyCode', field: 'currency' }, { header: 'Status', field: 'status' }, { header: 'AmountDue', field: 'balance' },
];
