import { say, verdict, type Criterion } from './context';
import { countText, daysText, newestEvidence, noteEvidence, percentText, type Forms } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

const ADVICE_FORMS: Forms = { en: ['advice note', 'advice notes'], ru: ['заметка о совете', 'заметки о совете', 'заметок о совете'] };

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
  if (advice.length === 0) {
    return verdict('ignored-advice', 'unknown', say(ctx, `No advice notes in the last ${period}`, `Нет заметок о советах за последние ${period}`));
  }
  const ignored = advice.filter((note) => note.outcome === 'ignored');
  const decided = advice.filter((note) => note.outcome === 'ignored' || note.outcome === 'followed').length;
  if (ignored.length === 0) {
    return verdict(
      'ignored-advice',
      'clear',
      say(ctx, `No advice ignored in ${period} (${countText(ctx, advice.length, ADVICE_FORMS)})`, `Советы не игнорировались за ${period} (${countText(ctx, advice.length, ADVICE_FORMS)})`),
      newestEvidence(ctx, advice, noteEvidence),
    );
  }
  const share = ignored.length / decided;
  const met = ignored.length >= rule.metIgnored && share >= rule.metShare;
  return verdict(
    'ignored-advice',
    met ? 'met' : 'watch',
    say(
      ctx,
      `${ignored.length} of ${decided} decided pieces of advice ignored (${percentText(ctx, share)}) in ${period}`,
      `Проигнорировано советов за ${period}: ${ignored.length} из ${decided} с итогом (${percentText(ctx, share)})`,
    ),
    newestEvidence(ctx, ignored, noteEvidence),
  );
};
