import { verdict, type Criterion } from './context';
import { countText, daysText, newestEvidence, noteEvidence, ticketEvidence } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

/**
 * Criterion 7, "tasks outside competence or ethics". Met by any `ethics` note (whenever it was
 * written: such a request is not outgrown by time) or by ≥ 3 out-of-scope items in 180 days; watch
 * at 1–2. Items: tickets whose tags or subject contain an out-of-scope keyword (case-insensitive,
 * EN/RU, from settings) and `out-of-scope` notes. Never unknown: no items is `clear`.
 */
export const outOfScope: Criterion = (history, ctx) => {
  const rule = ctx.settings.outOfScope;
  const facts = historyFacts(history, ctx);
  const ethics = history.notes.filter((note) => note.kind === 'ethics');
  const notes = history.notes.filter((note, i) => note.kind === 'out-of-scope' && inLastDays(facts.noteDays[i]!, ctx.today, rule.windowDays));
  const tickets = facts.tickets.outOfScope;
  const items = notes.length + tickets.length;
  const period = daysText(ctx, rule.windowDays);
  const says = ctx.text.criteria['out-of-scope'].verdict;
  const evidence = [
    ...newestEvidence(ctx, ethics, noteEvidence),
    ...newestEvidence(ctx, notes, noteEvidence),
    ...newestEvidence(ctx, tickets, (ticket) => ticketEvidence(ticket, says.reason)),
  ];
  const itemsText = says.items(countText(ctx, items, 'outOfScopeRequest'), period);
  if (ethics.length > 0) {
    const last = ethics[ethics.length - 1]!.at.slice(0, 10);
    return verdict(
      'out-of-scope',
      'met',
      says.ethics(last) + (items ? `; ${itemsText}` : ''),
      evidence,
    );
  }
  if (items === 0) {
    return verdict('out-of-scope', 'clear', says.clear(period));
  }
  return verdict('out-of-scope', items >= rule.metItems ? 'met' : 'watch', itemsText, evidence);
};
