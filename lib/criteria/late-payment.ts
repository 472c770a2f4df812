import type { HistoryInvoice } from '../model';
import { verdict, type Criterion } from './context';
import { countText, daysText, firstEvidence, invoiceEvidence, numberText } from './evidence';
import { countsAsBilled } from './facts';
import { dayNumber, inLastDays } from './windows';

/** Paid in full: a paid date, or the status says so. A partially paid invoice is unpaid. */
function isPaid(invoice: HistoryInvoice): boolean {
  return invoice.paid !== undefined || invoice.status === 'paid';
}

/** What the page said of an invoice that is not paid in full: only these statuses say so. */
const UNPAID: ReadonlySet<string | undefined> = new Set(['open', 'partial', 'overdue']);

/**
 * Calendar days from due date to paid date; for an unpaid invoice past due, to today; never
 * below 0. `null` when it cannot be known: no due date, paid with no paid date, or a payment
 * state that could not be read (no status and no paid date: unknown is not unpaid). `undefined`
 * when the invoice is unpaid and not yet past due (nothing to decide yet).
 */
export function lateDays(invoice: HistoryInvoice, today: number): number | null | undefined {
  if (!invoice.due) return null;
  const due = dayNumber(invoice.due);
  if (Number.isNaN(due)) return null;
  if (invoice.paid) return Math.max(0, dayNumber(invoice.paid) - due);
  if (!UNPAID.has(invoice.status)) return null;
  return due < today ? today - due : undefined;
}

/**
 * Criterion 1, "breaks contract terms: pays late". Over invoices due in the last 365 days:
 * met at ≥ 2 invoices ≥ 15 days late or one unpaid ≥ 30 days overdue; watch at exactly one
 * ≥ 15 days late or a mean above 3 days; unknown when no invoice can be judged.
 */
export const latePayment: Criterion = (history, ctx) => {
  const rule = ctx.settings.latePayment;
  const says = ctx.text.criteria['late-payment'].verdict;
  const judged: { invoice: HistoryInvoice; late: number }[] = [];
  for (const invoice of history.invoices) {
    if (!countsAsBilled(invoice) || !invoice.due) continue;
    if (!inLastDays(dayNumber(invoice.due), ctx.today, rule.windowDays)) continue;
    const late = lateDays(invoice, ctx.today);
    if (typeof late === 'number') judged.push({ invoice, late });
  }
  if (judged.length === 0) {
    return verdict('late-payment', 'unknown', says.unknown(rule.windowDays));
  }
  // Worst first, then the latest due; dates compare as plain 'yyyy-MM-dd' strings (no collation needed).
  judged.sort((a, b) => b.late - a.late || ((b.invoice.due ?? '') > (a.invoice.due ?? '') ? 1 : (b.invoice.due ?? '') < (a.invoice.due ?? '') ? -1 : 0));
  const late = judged.filter((item) => item.late >= rule.lateDays);
  const overdue = judged.filter((item) => !isPaid(item.invoice) && item.late >= rule.overdueDays);
  const mean = judged.reduce((sum, item) => sum + item.late, 0) / judged.length;
  const evidenceOf = (items: typeof judged) => firstEvidence(ctx, items, (item) => invoiceEvidence(ctx, item.invoice, item.late));
  const total = countText(ctx, judged.length, 'invoice');
  const max = late[0]?.late ?? 0;

  if (overdue.length > 0) {
    const worst = overdue[0]!;
    const others = late.filter((item) => item !== worst);
    return verdict(
      'late-payment',
      'met',
      says.overdue(worst.invoice.number, daysText(ctx, worst.late), others.length, rule.lateDays),
      evidenceOf([worst, ...others]),
    );
  }
  if (late.length >= rule.metCount) {
    return verdict(
      'late-payment',
      'met',
      says.lateMet(late.length, judged.length, rule.lateDays, max),
      evidenceOf(late),
    );
  }
  if (late.length === 1) {
    return verdict(
      'late-payment',
      'watch',
      says.lateOnce(judged.length, rule.lateDays, daysText(ctx, max)),
      evidenceOf(late),
    );
  }
  const meanText = numberText(ctx, mean);
  if (mean > rule.watchMeanDays) {
    return verdict(
      'late-payment',
      'watch',
      says.meanWatch(total, rule.windowDays, meanText),
      evidenceOf(judged.filter((item) => item.late > 0)),
    );
  }
  const lateAtAll = judged.filter((item) => item.late > 0);
  return verdict(
    'late-payment',
    'clear',
    lateAtAll.length === 0
      ? says.onTime(total, rule.windowDays)
      : says.mean(total, rule.windowDays, meanText),
    evidenceOf(judged),
  );
};
