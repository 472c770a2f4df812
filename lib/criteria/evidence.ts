import { count, formatMoney } from '../i18n';
import type { Change, Evidence, HistoryInvoice, HistoryTicket, Note } from '../model';
import { say, type CriterionContext } from './context';

const DAY_FORMS = { en: ['day', 'days'], ru: ['день', 'дня', 'дней'] } as const;

export function daysText(ctx: CriterionContext, n: number): string {
  return count(ctx.lang, n, DAY_FORMS[ctx.lang]);
}

/** An invoice as evidence: number, due, paid (with an estimate's bounds) and days late. */
export function invoiceEvidence(ctx: CriterionContext, invoice: HistoryInvoice, daysLate?: number | null): Evidence {
  const parts = [`№ ${invoice.number}`];
  if (invoice.due) parts.push(say(ctx, `due ${invoice.due}`, `срок ${invoice.due}`));
  if (invoice.paid && invoice.paidEstimated) {
    parts.push(
      say(
        ctx,
        `paid between ${invoice.lastSeenUnpaid ?? '?'} and ${invoice.paid} (estimated)`,
        `оплачен между ${invoice.lastSeenUnpaid ?? '?'} и ${invoice.paid} (оценка)`,
      ),
    );
  } else if (invoice.paid) parts.push(say(ctx, `paid ${invoice.paid}`, `оплачен ${invoice.paid}`));
  else if (invoice.status === 'paid') parts.push(say(ctx, 'paid, date not shown', 'оплачен, дата не указана'));
  else parts.push(say(ctx, 'unpaid', 'не оплачен'));
  if (invoice.amount !== undefined) parts.push(formatMoney(ctx.lang, invoice.amount, invoice.currency));
  if (invoice.discount) parts.push(say(ctx, `discount ${formatMoney(ctx.lang, invoice.discount, invoice.currency)}`, `скидка ${formatMoney(ctx.lang, invoice.discount, invoice.currency)}`));
  if (daysLate === null) parts.push(say(ctx, 'days late unknown', 'опоздание неизвестно'));
  else if (daysLate !== undefined) parts.push(daysLate > 0 ? say(ctx, `${daysText(ctx, daysLate)} late`, `опоздание ${daysText(ctx, daysLate)}`) : say(ctx, 'on time', 'в срок'));
  const evidence: Evidence = { kind: 'invoice', number: invoice.number, text: parts.join(' · ') };
  for (const field of ['source', 'issued', 'due', 'paid', 'paidEstimated', 'amount', 'currency', 'discount', 'status'] as const) {
    if (invoice[field] !== undefined) (evidence as Record<string, unknown>)[field] = invoice[field];
  }
  if (invoice.paidEstimated && invoice.lastSeenUnpaid) evidence.paidAfter = invoice.lastSeenUnpaid;
  if (daysLate !== undefined) evidence.daysLate = daysLate;
  return evidence;
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
