import { verdict, type Criterion } from './context';
import { countText, daysText, newestEvidence, noteEvidence, percentText } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

/**
 * Criterion 4, "ignores professional advice", over `advice` notes of the last 180 days (both ends
 * included). Decided advice is advice marked followed or ignored. Met at ≥ 2 ignored that are
 * ≥ 50 % of the decided; watch at any ignored short of that; unknown with no advice notes.
 */
export const ignoredAdvice: Criterion = (history, ctx) => {
  const rule = ctx.settings.ignoredAdvice;
  const facts = historyFacts(history, ctx);
  const advice = history.notes.filter((note, i) => note.kind === 'advice' && inLastDays(facts.noteDays[i]!, ctx.today, rule.windowDays));
  const period = daysText(ctx, rule.windowDays);
  const says = ctx.text.criteria['ignored-advice'].verdict;
  if (advice.length === 0) return verdict('ignored-advice', 'unknown', says.unknown(period));
  const ignored = advice.filter((note) => note.outcome === 'ignored');
  const decided = advice.filter((note) => note.outcome === 'ignored' || note.outcome === 'followed').length;
  if (ignored.length === 0) {
    return verdict(
      'ignored-advice',
      'clear',
      says.clear(period, countText(ctx, advice.length, 'adviceNote')),
      newestEvidence(ctx, advice, noteEvidence),
    );
  }
  const share = ignored.length / decided;
  const met = ignored.length >= rule.metIgnored && share >= rule.metShare;
  return verdict(
    'ignored-advice',
    met ? 'met' : 'watch',
    says.ignored(ignored.length, decided, percentText(ctx, share), period),
    newestEvidence(ctx, ignored, noteEvidence),
  );
};
