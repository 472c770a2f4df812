import type { Evidence } from '../model';
import { verdict, type Criterion } from './context';
import { countText, daysText, newestEvidence, noteEvidence, percentText, tallyText, ticketEvidence } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

/**
 * Criterion 3, "treats the team badly", over the last 90 days (both ends included). Events: a
 * ticket rated bad, a ticket tagged as a complaint or escalation (the complaint tags setting,
 * EN/RU), an `incident` note; a ticket that is both rated bad and tagged is one event. Met at
 * ≥ 3 events, or at ≥ 2 bad ratings that are ≥ 30 % of the rated tickets; watch at 1–2 events;
 * unknown when the window holds no ticket and no note.
 */
export const disrespect: Criterion = (history, ctx) => {
  const rule = ctx.settings.disrespect;
  const facts = historyFacts(history, ctx);
  const { ratedBad, complaints, rated, recentForDisrespect } = facts.tickets;
  const notesInWindow = history.notes.filter((_note, i) => inLastDays(facts.noteDays[i]!, ctx.today, rule.windowDays));
  const incidents = notesInWindow.filter((note) => note.kind === 'incident');
  const complaintsOnly = complaints.filter((ticket) => ticket.satisfaction !== 'bad');
  const events = ratedBad.length + complaintsOnly.length + incidents.length;
  const period = daysText(ctx, rule.windowDays);
  const says = ctx.text.criteria.disrespect.verdict;

  if (events === 0) {
    if (recentForDisrespect === 0 && notesInWindow.length === 0) return verdict('disrespect', 'unknown', says.unknown(period));
    return verdict('disrespect', 'clear', says.clear(period));
  }

  const badShare = rated > 0 ? ratedBad.length / rated : 0;
  const byRatings = ratedBad.length >= rule.badRatingsMin && badShare >= rule.badRatingShare;
  const evidence: Evidence[] = [
    ...newestEvidence(ctx, incidents, noteEvidence),
    ...newestEvidence(ctx, ratedBad, (ticket) => ticketEvidence(ticket, says.ratedBad)),
    ...newestEvidence(ctx, complaintsOnly, (ticket) => ticketEvidence(ticket, says.complaint)),
  ];
  const tally = tallyText(ctx, [
    [ratedBad.length, 'badRating'],
    [complaintsOnly.length, 'complaint'],
    [incidents.length, 'incident'],
  ]);
  if (events < rule.metEvents && byRatings) {
    return verdict('disrespect', 'met', says.ratings(ratedBad.length, rated, percentText(ctx, badShare), period), evidence);
  }
  return verdict(
    'disrespect',
    events >= rule.metEvents ? 'met' : 'watch',
    says.events(countText(ctx, events, 'disrespectEvent'), period, tally),
    evidence,
  );
};
