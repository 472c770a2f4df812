import { parseAmount, type Money } from '../extract/amounts';
import { parseDateInOrder, parseRelative, type PageDateOrder } from '../extract/dates';
import type { PageReport } from '../extract/report';
import { squish } from '../extract/text';
import { invoiceStatusOf } from '../extract/vocabulary';
import type { InvoiceObservation, InvoiceStatus } from '../model';

/*
 * The invoice fields of a hosted CRM's list row (amoCRM, Bitrix24, HubSpot, Pipedrive, Salesforce,
 * Zoho CRM), once each reader has found the row's texts by its own columns: dates in the page's
 * order, amounts, the status word, and the rows it had to skip. What could not be read is said,
 * under the product's name, and left out.
 */

/** A cell the product leaves empty shows a dash (HubSpot: "--"). */
export const EMPTY_VALUE = /^(?:-+|—|–)$/;

export type InvoiceFieldTexts = Partial<Record<'issued' | 'due' | 'paid' | 'amount' | 'balance' | 'discount' | 'status', string>>;

type FieldContext = {
  /** The product's name, leading every warning ("Pipedrive: could not read …"). */
  product: string;
  order: PageDateOrder;
  report: PageReport;
  /** Where the product writes recent days as words ("Сегодня 10:14"): the page load time they resolve against. */
  relativeTo?: Date;
};

function dateOf(raw: string | undefined, { product, order, report, relativeTo }: FieldContext): string | undefined {
  const value = squish(raw ?? '');
  if (value === '' || EMPTY_VALUE.test(value)) return undefined;
  const reading = parseDateInOrder(value, order);
  // A day is as precise as "today" and "yesterday" are.
  const relative = reading === undefined && relativeTo ? parseRelative(value, relativeTo) : undefined;
  if (relative) return relative.date;
  if (reading === undefined) report.warn(`${product}: could not read the date "${report.cap(value, 'date')}".`);
  else if (reading === 'invalid') report.warn(`${product}: "${report.cap(value, 'date')}" is not a calendar date.`);
  else if (reading === 'ambiguous') report.warn(`${product}: the page mixes day-first and month-first dates; dropped the ambiguous "${report.cap(value, 'date')}".`);
  else return reading.date;
  return undefined;
}

function moneyOf(raw: string | undefined, { product, report }: FieldContext): Money | undefined {
  const value = squish(raw ?? '');
  if (value === '' || EMPTY_VALUE.test(value)) return undefined;
  const money = parseAmount(value);
  if (money === undefined || money === 'invalid') {
    report.warn(`${product}: could not read the amount "${report.cap(value, 'amount')}".`);
    return undefined;
  }
  return money;
}

/** With no status word, what is still owed proves unpaid or paid; nothing at all proves nothing. */
export function owedStatus(balance: number | undefined): InvoiceStatus | undefined {
  if (balance === undefined) return undefined;
  return balance > 0 ? 'open' : balance === 0 ? 'paid' : undefined;
}

/** The status a row's word says (by `words`, leading words first), else what its balance proves; an unknown word is said. */
export function statusByWord(
  raw: string | undefined,
  balance: number | undefined,
  { product, report }: Pick<FieldContext, 'product' | 'report'>,
  words: (shown: string) => InvoiceStatus | undefined = invoiceStatusOf,
  what = 'invoice status',
): InvoiceStatus | undefined {
  const shown = squish(raw ?? '');
  const status = shown ? words(shown) : undefined;
  if (shown && !status) report.warn(`${product}: the ${what} "${report.cap(shown, 'status')}" is not known; those invoices have no status.`);
  return status ?? owedStatus(balance);
}

/**
 * Fills an invoice's dates, amounts and status from its row's texts. `amount` is the billed total;
 * a balance (what is still owed) gives no amount but, with no status word, proves unpaid or paid.
 * `statusOf` is the product's own status rule, given the balance (by default: statusByWord).
 */
export function fillInvoice(
  invoice: InvoiceObservation,
  texts: InvoiceFieldTexts,
  context: FieldContext,
  statusOf: (balance: number | undefined) => InvoiceStatus | undefined = (balance) => statusByWord(texts.status, balance, context),
): InvoiceObservation {
  const issued = dateOf(texts.issued, context);
  const due = dateOf(texts.due, context);
  const paid = dateOf(texts.paid, context);
  if (issued) invoice.issued = issued;
  if (due) invoice.due = due;
  if (paid) invoice.paid = paid;
  const amount = moneyOf(texts.amount, context);
  const balance = moneyOf(texts.balance, context);
  const discount = moneyOf(texts.discount, context);
  if (amount) invoice.amount = amount.value;
  const currency = amount?.currency ?? balance?.currency;
  if (currency) invoice.currency = currency;
  if (discount) invoice.discount = discount.value;
  const status = statusOf(balance?.value);
  if (status) invoice.status = status;
  return invoice;
}

/** Rows skipped, by reason: how many, and the first few record ids so the user can find them. */
export class SkippedRows {
  private readonly reasons = new Map<string, { count: number; ids: string[] }>();

  add(reason: string, id: string): void {
    const entry = this.reasons.get(reason) ?? { count: 0, ids: [] };
    entry.count += 1;
    if (entry.ids.length < 5) entry.ids.push(id);
    this.reasons.set(reason, entry);
  }

  /** One warning per reason, under the product's name. */
  warn(report: PageReport, product: string): void {
    for (const [reason, { count, ids }] of this.reasons) {
      report.warn(`${product}: skipped ${count} row(s) with ${reason} (id ${ids.join(', ')}${count > ids.length ? ', …' : ''}).`);
    }
  }
}
