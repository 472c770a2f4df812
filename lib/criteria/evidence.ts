import { formatMoney, formatNumber, plural, type UiText } from '../i18n';
import type { Change, Evidence, HistoryInvoice, HistoryTicket, Note } from '../model';
import type { CriterionContext } from './context';
import type { CountGrowth } from './facts';

/** A thing the verdicts count, named by its word forms in the dictionaries (`words`). */
type Noun = keyof UiText['words'];

/** Evidence lists stay readable: the newest items, then one line saying how many more there are. */
const MAX_EVIDENCE = 5;

/** `n` with the right word form in the UI language: "5 tickets", "5 обращений". */
export function countText(ctx: CriterionContext, n: number, noun: Noun): string {
  return `${numberText(ctx, n)} ${plural(ctx.lang, n, ctx.text.words[noun])}`;
}

/** The non-zero parts of a tally, e.g. "2 bad ratings, 1 incident". */
export function tallyText(ctx: CriterionContext, parts: [number, Noun][]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, noun]) => countText(ctx, n, noun))
    .join(', ');
}

/** A share as a whole percent: "40%" / "40 %". */
export function percentText(ctx: CriterionContext, share: number): string {
  return ctx.text.evidence.percent(numberText(ctx, Math.round(share * 100)));
}

/** A number in the UI language, one decimal at most. */
export function numberText(ctx: CriterionContext, n: number): string {
  return formatNumber(ctx.lang, n);
}

/** An amount of money in the UI language, with its currency where the code is known. */
export function moneyText(ctx: CriterionContext, amount: number, currency: string | undefined): string {
  return formatMoney(ctx.lang, amount, currency);
}

/**
 * Evidence for the newest of `items` (given oldest first, as histories keep them), built only
 * for the ones shown, plus a line for the rest.
 */
export function newestEvidence<T>(ctx: CriterionContext, items: readonly T[], toEvidence: (item: T) => Evidence): Evidence[] {
  return cappedEvidence(ctx, items.length, (i) => toEvidence(items[items.length - 1 - i]!));
}

/** Evidence for the first of `items` (given most telling first), built only for the ones shown, plus a line for the rest. */
export function firstEvidence<T>(ctx: CriterionContext, items: readonly T[], toEvidence: (item: T) => Evidence): Evidence[] {
  return cappedEvidence(ctx, items.length, (i) => toEvidence(items[i]!));
}

function cappedEvidence(ctx: CriterionContext, total: number, nth: (i: number) => Evidence): Evidence[] {
  const shown: Evidence[] = [];
  for (let i = 0; i < total && i < MAX_EVIDENCE; i++) shown.push(nth(i));
  const rest = total - shown.length;
  if (rest > 0) shown.push(statEvidence(ctx.text.evidence.more(rest)));
  return shown;
}

export function statEvidence(text: string): Evidence {
  return { kind: 'stat', text };
}

/** The growth of a ticket count between two snapshots, as work items. */
export function countEvidence(ctx: CriterionContext, growth: CountGrowth): Evidence {
  const text = ctx.text.evidence.countGrowth(growth.at.slice(0, 10), growth.from, growth.to);
  return { kind: 'count', at: growth.at, from: growth.from, to: growth.to, text };
}

export function daysText(ctx: CriterionContext, n: number): string {
  return countText(ctx, n, 'day');
}

/**
 * An invoice as evidence: number, due, paid (with an estimate's bounds), days late when given,
 * and its money when `withMoney` (criteria about amounts; formatting money is not free).
 */
export function invoiceEvidence(ctx: CriterionContext, invoice: HistoryInvoice, daysLate?: number | null, withMoney = false): Evidence {
  const words = ctx.text.evidence;
  const parts = [`№ ${invoice.number}`];
  if (invoice.due) parts.push(words.due(invoice.due));
  if (invoice.paid && invoice.paidEstimated) parts.push(words.paidBetween(invoice.lastSeenUnpaid ?? '?', invoice.paid));
  else if (invoice.paid) parts.push(words.paid(invoice.paid));
  else if (invoice.status === 'paid') parts.push(words.paidNoDate);
  else parts.push(words.unpaid);
  if (withMoney && invoice.amount !== undefined) parts.push(moneyText(ctx, invoice.amount, invoice.currency));
  if (withMoney && invoice.discount) parts.push(words.discount(moneyText(ctx, invoice.discount, invoice.currency)));
  if (daysLate === null) parts.push(words.lateUnknown);
  else if (daysLate !== undefined && daysLate > 0) parts.push(words.late(daysText(ctx, daysLate)));
  else if (daysLate !== undefined) parts.push(words.onTime);
  // One literal (fields the invoice lacks stay undefined): evidence is built for many invoices.
  return {
    kind: 'invoice',
    number: invoice.number,
    source: invoice.source,
    issued: invoice.issued,
    due: invoice.due,
    paid: invoice.paid,
    paidEstimated: invoice.paidEstimated,
    paidAfter: invoice.paidEstimated ? invoice.lastSeenUnpaid : undefined,
    daysLate,
    amount: invoice.amount,
    currency: invoice.currency,
    discount: invoice.discount,
    status: invoice.status,
    text: parts.join(' · '),
  };
}

/** A ticket as evidence, with the reason it counted. */
export function ticketEvidence(ticket: HistoryTicket, reason: string): Evidence {
  const subject = ticket.subject ? ` «${ticket.subject}»` : '';
  const evidence: Evidence = { kind: 'ticket', id: ticket.id, created: ticket.created, text: `#${ticket.id}${subject} · ${ticket.created.replace('T', ' ').slice(0, 16)} · ${reason}` };
  if (ticket.source) evidence.source = ticket.source;
  return evidence;
}

export function noteEvidence(note: Note): Evidence {
  const evidence: Evidence = { kind: 'note', noteKind: note.kind, at: note.at, text: `${note.at.slice(0, 10)} · ${note.text}` };
  if (note.id !== undefined) evidence.noteId = note.id;
  return evidence;
}

export function changeEvidence(change: Change, text: string): Evidence {
  return { kind: 'change', of: change.kind, id: change.id, field: change.field, from: change.from, to: change.to, at: change.at, text };
}
