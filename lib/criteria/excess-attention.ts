import type { Evidence } from '../model';
import { say, verdict, type Criterion, type CriterionContext } from './context';
import { countText, daysText, newestEvidence, numberText, percentText, statEvidence, TICKET_FORMS, ticketEvidence } from './evidence';
import { historyFacts } from './facts';

/** Watch applies half of each met threshold. */
const WATCH = 0.5;

/** One rule's outcome; its words and evidence are built only if it decides the verdict. */
type Finding = { level: number; text: () => string; evidence: () => Evidence[] };

/**
 * Criterion 6, "demands excessive attention", over tickets (contacts) of the last 90 days. With
 * ≥ 5 contacts: met when ≥ 30 % came outside business hours or ≥ 40 % were urgent, or when the
 * volume is ≥ 3 × the median client's (and ≥ 10 contacts); watch at half of each threshold. The
 * volume rule needs peers: without them it is not applied, and the verdict says so.
 */
export const excessAttention: Criterion = (history, ctx) => {
  const rule = ctx.settings.excessAttention;
  const { contacts, afterHours, urgent } = historyFacts(history, ctx).tickets;
  const period = daysText(ctx, rule.windowDays);
  if (contacts < rule.minContacts) {
    return verdict(
      'excess-attention',
      'unknown',
      contacts === 0
        ? say(ctx, `No tickets seen in the last ${period}`, `Нет обращений за последние ${period}`)
        : say(
            ctx,
            `Only ${countText(ctx, contacts, TICKET_FORMS)} in the last ${period}; at least ${rule.minContacts} needed`,
            `Всего ${countText(ctx, contacts, TICKET_FORMS)} за последние ${period}; нужно не меньше ${rule.minContacts}`,
          ),
    );
  }
  const afterShare = afterHours.length / contacts;
  const urgentShare = urgent.length / contacts;
  const findings: Finding[] = [
    {
      level: level(afterShare >= rule.afterHoursShare, afterShare >= rule.afterHoursShare * WATCH),
      text: () =>
        say(
          ctx,
          `${afterHours.length} of ${contacts} tickets in ${period} came outside business hours (${percentText(ctx, afterShare)})`,
          `Вне рабочего времени за ${period}: ${afterHours.length} из ${contacts} обращений (${percentText(ctx, afterShare)})`,
        ),
      evidence: () => newestEvidence(ctx, afterHours, (ticket) => ticketEvidence(ticket, say(ctx, 'outside business hours', 'вне рабочего времени'))),
    },
    {
      level: level(urgentShare >= rule.urgentShare, urgentShare >= rule.urgentShare * WATCH),
      text: () =>
        say(
          ctx,
          `${urgent.length} of ${contacts} tickets in ${period} were urgent (${percentText(ctx, urgentShare)})`,
          `Срочных за ${period}: ${urgent.length} из ${contacts} обращений (${percentText(ctx, urgentShare)})`,
        ),
      evidence: () => newestEvidence(ctx, urgent, (ticket) => ticketEvidence(ticket, say(ctx, 'urgent', 'срочное'))),
    },
    volumeFinding(ctx, contacts, period),
  ];
  const worst = findings.reduce((a, b) => (b.level > a.level ? b : a));
  const peersNote = ctx.peers ? [] : [statEvidence(say(ctx, 'Volume not compared: no data on other clients', 'Объём не сравнивался: нет данных о других клиентах'))];
  if (worst.level === 0) {
    return verdict(
      'excess-attention',
      'clear',
      say(
        ctx,
        `${countText(ctx, contacts, TICKET_FORMS)} in ${period}: ${percentText(ctx, afterShare)} after hours, ${percentText(ctx, urgentShare)} urgent`,
        `${countText(ctx, contacts, TICKET_FORMS)} за ${period}: ${percentText(ctx, afterShare)} вне рабочего времени, ${percentText(ctx, urgentShare)} срочных`,
      ),
      peersNote,
    );
  }
  const decisive = findings.filter((finding) => finding.level === worst.level);
  return verdict(
    'excess-attention',
    worst.level === 2 ? 'met' : 'watch',
    decisive.map((finding) => finding.text()).join('; '),
    [...decisive.flatMap((finding) => finding.evidence()), ...peersNote],
  );
};

/** 2 = met, 1 = watch, 0 = neither. */
function level(met: boolean, watch: boolean): number {
  return met ? 2 : watch ? 1 : 0;
}

/** The volume rule against the median client's contacts; not applied without peers. */
function volumeFinding(ctx: CriterionContext, contacts: number, period: string): Finding {
  const rule = ctx.settings.excessAttention;
  const median = ctx.peers?.medianContacts90d;
  if (median === undefined || median === null) return { level: 0, text: () => '', evidence: () => [] };
  const volume = (multiple: number, minContacts: number) => contacts >= minContacts && contacts >= multiple * median;
  const text = () => {
    const [tickets, medianText] = [countText(ctx, contacts, TICKET_FORMS), numberText(ctx, median)];
    return say(ctx, `${tickets} in ${period}, the median client's: ${medianText}`, `${tickets} за ${period}, медиана клиентов: ${medianText}`);
  };
  return {
    level: level(volume(rule.volumeMultiple, rule.volumeMinContacts), volume(rule.volumeMultiple * WATCH, rule.volumeMinContacts * WATCH)),
    text,
    evidence: () => [statEvidence(text())],
  };
}
