import type { Change, ClientHistory, Evidence, HistoryInvoice, Note } from '../model';
import { verdict, type Criterion, type CriterionContext } from './context';
import { changeEvidence, countText, daysText, invoiceEvidence, newestEvidence, noteEvidence, tallyText } from './evidence';
import { countsAsBilled, historyFacts } from './facts';
import { dayNumber, inLastDays } from './windows';

/** The pressure events of a history in the window, by kind, each with its evidence. */
type PriceEvents = {
  discounts: HistoryInvoice[];
  creditNotes: HistoryInvoice[];
  lowered: Change[];
  deferrals: Change[];
  requests: Note[];
  /** Invoices (not draft/void) and notes in the window: whether anything at all was seen. */
  invoicesSeen: number;
  notesSeen: number;
};

/** A change that pushed terms down: the amount lowered, or the due date moved later (a deferral). */
function pressureKind(change: Change): 'lowered' | 'deferral' | undefined {
  if (change.kind !== 'invoice') return undefined;
  if (change.field === 'amount' && typeof change.from === 'number' && typeof change.to === 'number' && change.to < change.from) return 'lowered';
  if (change.field === 'due' && typeof change.from === 'string' && typeof change.to === 'string' && dayNumber(change.to) > dayNumber(change.from)) {
    return 'deferral';
  }
  return undefined;
}

/**
 * Pressure events in the last N days (both ends included): an invoice with a discount, a credit
 * note (negative amount) — each by its issue date, else due date; an amount lowered or a due date
 * moved later between sightings — by the day the change was seen; a `discount-request` note.
 * Draft and void invoices, and changes to them, count nowhere.
 */
function priceEvents(history: ClientHistory, ctx: CriterionContext): PriceEvents {
  const facts = historyFacts(history, ctx);
  const days = ctx.settings.pricePressure.windowDays;
  const inWindow = (day: number) => inLastDays(day, ctx.today, days);
  const events: PriceEvents = { discounts: [], creditNotes: [], lowered: [], deferrals: [], requests: [], invoicesSeen: 0, notesSeen: 0 };
  history.invoices.forEach((invoice, i) => {
    if (!inWindow(facts.invoiceDays[i]!)) return;
    events.invoicesSeen++;
    if (invoice.discount !== undefined && invoice.discount > 0) events.discounts.push(invoice);
    if (invoice.amount !== undefined && invoice.amount < 0) events.creditNotes.push(invoice);
  });
  history.changes.forEach((change, i) => {
    const kind = pressureKind(change);
    if (!kind || !inWindow(facts.changeDays[i]!)) return;
    const invoice = history.invoices.find((candidate) => candidate.number === change.id);
    if (invoice && !countsAsBilled(invoice)) return;
    (kind === 'lowered' ? events.lowered : events.deferrals).push(change);
  });
  history.notes.forEach((note, i) => {
    if (!inWindow(facts.noteDays[i]!)) return;
    events.notesSeen++;
    if (note.kind === 'discount-request') events.requests.push(note);
  });
  return events;
}

/**
 * Criterion 2, "keeps pushing the price or terms down": met at ≥ 3 pressure events in 180 days,
 * watch at 1–2, unknown when no invoice and no note was seen in the window.
 */
export const pricePressure: Criterion = (history, ctx) => {
  const days = ctx.settings.pricePressure.windowDays;
  const events = priceEvents(history, ctx);
  const total = events.discounts.length + events.creditNotes.length + events.lowered.length + events.deferrals.length + events.requests.length;
  const period = daysText(ctx, days);
  const says = ctx.text.criteria['price-pressure'].verdict;
  if (total === 0) {
    if (events.invoicesSeen === 0 && events.notesSeen === 0) return verdict('price-pressure', 'unknown', says.unknown(period));
    return verdict('price-pressure', 'clear', says.clear(period));
  }
  const tally = tallyText(ctx, [
    [events.discounts.length, 'discount'],
    [events.creditNotes.length, 'creditNote'],
    [events.lowered.length, 'amountLowered'],
    [events.deferrals.length, 'deferral'],
    [events.requests.length, 'discountRequest'],
  ]);
  const status = total >= ctx.settings.pricePressure.metEvents ? 'met' : 'watch';
  const evidence: Evidence[] = [
    ...newestEvidence(ctx, events.requests, noteEvidence),
    ...newestEvidence(ctx, [...events.lowered, ...events.deferrals], (change) => changeEvidence(change, changeText(ctx, change))),
    ...newestEvidence(ctx, [...events.discounts, ...events.creditNotes], (invoice) => invoiceEvidence(ctx, invoice, undefined, true)),
  ];
  return verdict('price-pressure', status, says.events(countText(ctx, total, 'pressureEvent'), period, tally), evidence);
};

function changeText(ctx: CriterionContext, change: Change): string {
  const says = ctx.text.criteria['price-pressure'].verdict;
  const write = pressureKind(change) === 'deferral' ? says.deferral : says.lowered;
  return write(change.id, String(change.from), String(change.to), change.at.slice(0, 10));
}
