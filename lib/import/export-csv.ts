import Papa from 'papaparse';
import type { HistoryInvoice, HistoryTicket } from '../model';
import type { VerdictRow } from '../store/db';

/** A verdict as the store keeps it, with the client's display name beside it. */
export type VerdictExportRow = Pick<VerdictRow, 'clientKey' | 'id' | 'status' | 'summary' | 'since' | 'computedAt'> & { clientName: string };

type CellValue = string | number | boolean | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula gets a leading `'`, so an export of hostile
 * client names ("=HYPERLINK(…)", "@SUM(…)") opens as text. Real numbers stay numbers: a
 * credit note's -120 is written as -120, never quoted.
 *
 * @example neutralise('=1+1') // "'=1+1"
 * @example neutralise(-120) // -120
 */
export function neutralise(value: CellValue): string | number {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV with a byte-order mark, so Excel opens Cyrillic names as UTF-8; CRLF line ends, as RFC 4180 says. */
function toCsv(fields: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  return `\ufeff${Papa.unparse({ fields: [...fields], data: rows.map((row) => row.map(neutralise)) }, { newline: '\r\n' })}\r\n`;
}

/**
 * Invoices as a CSV file: one row each, the fields of the history (paid dates that were
 * estimated from sightings say so).
 *
 * @example invoicesCsv([{ kind: 'invoice', client: { name: 'Acme' }, number: 'INV-1', amount: -120 }]) // '\ufeffClient,Invoice,…\r\nAcme,INV-1,…,-120,…'
 */
export function invoicesCsv(invoices: readonly HistoryInvoice[]): string {
  return toCsv(
    ['Client', 'Invoice', 'Source', 'Issued', 'Due', 'Paid', 'Paid date estimated', 'Amount', 'Currency', 'Discount', 'Status', 'First seen', 'Last seen'],
    invoices.map((invoice) => [
      invoice.client.name, invoice.number, invoice.source, invoice.issued, invoice.due, invoice.paid, invoice.paidEstimated,
      invoice.amount, invoice.currency, invoice.discount, invoice.status, invoice.firstSeen, invoice.lastSeen,
    ]),
  );
}

/**
 * Tickets as a CSV file, tags joined by ", ".
 *
 * @example ticketsCsv([{ kind: 'ticket', client: { name: 'Acme' }, id: 'T-1', created: '2026-03-05T10:00' }])
 */
export function ticketsCsv(tickets: readonly HistoryTicket[]): string {
  return toCsv(
    ['Client', 'Ticket', 'Source', 'Created', 'Priority', 'Status', 'Satisfaction', 'Tags', 'Subject', 'First seen', 'Last seen'],
    tickets.map((ticket) => [
      ticket.client.name, ticket.id, ticket.source, ticket.created, ticket.priority, ticket.status, ticket.satisfaction,
      ticket.tags?.join(', '), ticket.subject, ticket.firstSeen, ticket.lastSeen,
    ]),
  );
}

/**
 * The current verdicts as a CSV file: one row per client and criterion.
 *
 * @example verdictsCsv([{ clientKey: 'acme', clientName: 'Acme', id: 'late-payment', status: 'met', summary: '…', since: '…', computedAt: '…' }])
 */
export function verdictsCsv(verdicts: readonly VerdictExportRow[]): string {
  return toCsv(
    ['Client', 'Client key', 'Criterion', 'Status', 'Summary', 'Since', 'Computed at'],
    verdicts.map((verdict) => [verdict.clientName, verdict.clientKey, verdict.id, verdict.status, verdict.summary, verdict.since, verdict.computedAt]),
  );
}
