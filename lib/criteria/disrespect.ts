import type { Evidence } from '../model';
import { say, verdict, type Criterion } from './context';
import { countText, daysText, newestEvidence, noteEvidence, percentText, tallyText, ticketEvidence, type Forms } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

const EVENT_FORMS: Forms = { en: ['disrespect event', 'disrespect events'], ru: ['случай неуважения', 'случая неуважения', 'случаев неуважения'] };
const BAD_FORMS: Forms = { en: ['bad rating', 'bad ratings'], ru: ['плохая оценка', 'плохие оценки', 'плохих оценок'] };
const COMPLAINT_FORMS: Forms = { en: ['complaint', 'complaints'], ru: ['жалоба', 'жалобы', 'жалоб'] };
const INCIDENT_FORMS: Forms = { en: ['incident', 'incidents'], ru: ['инцидент', 'инцидента', 'инцидентов'] };

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

  if (events === 0) {
    if (recentForDisrespect === 0 && notesInWindow.length === 0) {
      return verdict('disrespect', 'unknown', say(ctx, `No tickets and no notes in the last ${period}`, `Нет обращений и заметок за последние ${period}`));
    }
    return verdict('disrespect', 'clear', say(ctx, `No bad ratings, complaints or incidents in ${period}`, `Нет плохих оценок, жалоб и инцидентов за ${period}`));
  }

  const badShare = rated > 0 ? ratedBad.length / rated : 0;
  const byRatings = ratedBad.length >= rule.badRatingsMin && badShare >= rule.badRatingShare;
  const evidence: Evidence[] = [
    ...newestEvidence(ctx, incidents, noteEvidence),
    ...newestEvidence(ctx, ratedBad, (ticket) => ticketEvidence(ticket, say(ctx, 'rated bad', 'плохая оценка'))),
    ...newestEvidence(ctx, complaintsOnly, (ticket) => ticketEvidence(ticket, say(ctx, 'complaint', 'жалоба'))),
  ];
  const tally = tallyText(ctx, [
    [ratedBad.length, BAD_FORMS],
    [complaintsOnly.length, COMPLAINT_FORMS],
    [incidents.length, INCIDENT_FORMS],
  ]);
  if (events < rule.metEvents && byRatings) {
    return verdict(
      'disrespect',
      'met',
      say(
        ctx,
        `${ratedBad.length} of ${rated} rated tickets rated bad (${percentText(ctx, badShare)}) in ${period}`,
        `Плохих оценок за ${period}: ${ratedBad.length} из ${rated} (${percentText(ctx, badShare)})`,
      ),
      evidence,
    );
  }
  return verdict(
    'disrespect',
    events >= rule.metEvents ? 'met' : 'watch',
    say(ctx, `${countText(ctx, events, EVENT_FORMS)} in ${period}: ${tally}`, `${countText(ctx, events, EVENT_FORMS)} за ${period}: ${tally}`),
    evidence,
  );
};
