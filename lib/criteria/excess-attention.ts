import type { Evidence } from '../model';
import { verdict, type Criterion, type CriterionContext } from './context';
import { countText, daysText, newestEvidence, numberText, percentText, statEvidence, ticketEvidence } from './evidence';
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
  const says = ctx.text.criteria['excess-attention'].verdict;
  if (contacts < rule.minContacts) {
    return verdict('excess-attention', 'unknown', contacts === 0 ? says.none(period) : says.few(countText(ctx, contacts, 'ticket'), period, rule.minContacts));
  }
  const afterShare = afterHours.length / contacts;
  const urgentShare = urgent.length / contacts;
  const findings: Finding[] = [
    {
      level: level(afterShare >= rule.afterHoursShare, afterShare >= rule.afterHoursShare * WATCH),
      text: () => says.afterHours(afterHours.length, contacts, period, percentText(ctx, afterShare)),
      evidence: () => newestEvidence(ctx, afterHours, (ticket) => ticketEvidence(ticket, says.afterHoursReason)),
    },
    {
      level: level(urgentShare >= rule.urgentShare, urgentShare >= rule.urgentShare * WATCH),
      text: () => says.urgent(urgent.length, contacts, period, percentText(ctx, urgentShare)),
      evidence: () => newestEvidence(ctx, urgent, (ticket) => ticketEvidence(ticket, says.urgentReason)),
    },
    volumeFinding(ctx, contacts, period),
  ];
  const worst = findings.reduce((a, b) => (b.level > a.level ? b : a));
  const peersNote = ctx.peers ? [] : [statEvidence(says.notCompared)];
  if (worst.level === 0) {
    return verdict(
      'excess-attention',
      'clear',
      says.clear(countText(ctx, contacts, 'ticket'), period, percentText(ctx, afterShare), percentText(ctx, urgentShare)),
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
    return ctx.text.criteria['excess-attention'].verdict.volume(countText(ctx, contacts, 'ticket'), period, numberText(ctx, median));
  };
  return {
    level: level(volume(rule.volumeMultiple, rule.volumeMinContacts), volume(rule.volumeMultiple * WATCH, rule.volumeMinContacts * WATCH)),
    text,
    evidence: () => [statEvidence(text())],
  };
}
