import { formatMoney, formatNumber, plural } from '../i18n';
import type { Change, Evidence, HistoryInvoice, HistoryTicket, Lang, Note } from '../model';
import { say, type CriterionContext } from './context';
import type { CountGrowth } from './facts';

/** Word forms for `count`: en [one, other], ru [one, few, many]. */
export type Forms = Record<Lang, readonly string[]>;

const DAY_FORMS: Forms = { en: ['day', 'days'], ru: ['день', 'дня', 'дней'] };
export const INVOICE_FORMS: Forms = { en: ['invoice', 'invoices'], ru: ['счёт', 'счёта', 'счетов'] };
export const TICKET_FORMS: Forms = { en: ['ticket', 'tickets'], ru: ['обращение', 'обращения', 'обращений'] };
export const ITEM_FORMS: Forms = { en: ['work item', 'work items'], ru: ['задача', 'задачи', 'задач'] };

/** Evidence lists stay readable: the newest items, then one line saying how many more there are. */
const MAX_EVIDENCE = 5;

/** Word forms already chosen, per forms table, language and small whole number (plural rules are slow to ask). */
const chosenForms = new WeakMap<Forms, Record<Lang, string[]>>();

function formFor(ctx: CriterionContext, n: number, forms: Forms): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return plural(ctx.lang, n, forms[ctx.lang]);
  let chosen = chosenForms.get(forms);
  if (!chosen) chosenForms.set(forms, (chosen = { en: [], ru: [] }));
  return (chosen[ctx.lang][n] ??= plural(ctx.lang, n, forms[ctx.lang]));
}

/** `n` with the right word form in the UI language: "5 tickets", "5 обращений". */
export function countText(ctx: CriterionContext, n: number, forms: Forms): string {
  return `${numberText(ctx, n)} ${formFor(ctx, n, forms)}`;
}

/** The non-zero parts of a tally, e.g. "2 bad ratings, 1 incident". */
export function tallyText(ctx: CriterionContext, parts: [number, Forms][]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, forms]) => countText(ctx, n, forms))
    .join(', ');
}

/** A share as a whole percent: "40%" / "40 %". */
export function percentText(ctx: CriterionContext, share: number): string {
  const percent = numberText(ctx, Math.round(share * 100));
  return ctx.lang === 'ru' ? `${percent} %` : `${percent}%`;
}

/** A number in the UI language, one decimal at most. Whole numbers under 1,000 read the same in both. */
export function numberText(ctx: CriterionContext, n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1000 && !Object.is(n, -0) ? String(n) : formatNumber(ctx.lang, n);
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
  if (rest > 0) shown.push(statEvidence(say(ctx, `…and ${rest} more`, `…и ещё ${rest}`)));
  return shown;
}

export function statEvidence(text: string): Evidence {
  return { kind: 'stat', text };
}

/** The growth of a ticket count between two snapshots, as work items. */
export function countEvidence(ctx: CriterionContext, growth: CountGrowth): Evidence {
  const text = say(
    ctx,
    `${growth.at.slice(0, 10)} · ticket count ${growth.from} → ${growth.to} (+${growth.to - growth.from})`,
    `${growth.at.slice(0, 10)} · число обращений ${growth.from} → ${growth.to} (+${growth.to - growth.from})`,
  );
  return { kind: 'count', at: growth.at, from: growth.from, to: growth.to, text };
}

export function daysText(ctx: CriterionContext, n: number): string {
  return countText(ctx, n, DAY_FORMS);
}

/**
 * An invoice as evidence: number, due, paid (with an estimate's bounds), days late when given,
 * and its money when `withMoney` (criteria about amounts; formatting money is not free).
 */
export function invoiceEvidence(ctx: CriterionContext, invoice: HistoryInvoice, daysLate?: number | null, withMoney = false): Evidence {
  // Built in the UI language only: invoices are the most frequent evidence.
  const ru = ctx.lang === 'ru';
  const parts = [`№ ${invoice.number}`];
  if (invoice.due) parts.push(ru ? `срок ${invoice.due}` : `due ${invoice.due}`);
  if (invoice.paid && invoice.paidEstimated) {
    const from = invoice.lastSeenUnpaid ?? '?';
    parts.push(ru ? `оплачен между ${from} и ${invoice.paid} (оценка)` : `paid between ${from} and ${invoice.paid} (estimated)`);
  } else if (invoice.paid) parts.push(ru ? `оплачен ${invoice.paid}` : `paid ${invoice.paid}`);
  else if (invoice.status === 'paid') parts.push(ru ? 'оплачен, дата не указана' : 'paid, date not shown');
  else parts.push(ru ? 'не оплачен' : 'unpaid');
  if (withMoney && invoice.amount !== undefined) parts.push(moneyText(ctx, invoice.amount, invoice.currency));
  if (withMoney && invoice.discount) parts.push(`${ru ? 'скидка' : 'discount'} ${moneyText(ctx, invoice.discount, invoice.currency)}`);
  if (daysLate === null) parts.push(ru ? 'опоздание неизвестно' : 'days late unknown');
  else if (daysLate !== undefined && daysLate > 0) parts.push(ru ? `опоздание ${daysText(ctx, daysLate)}` : `${daysText(ctx, daysLate)} late`);
  else if (daysLate !== undefined) parts.push(ru ? 'в срок' : 'on time');
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
