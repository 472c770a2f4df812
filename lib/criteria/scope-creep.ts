import type { ClientHistory, Evidence } from '../model';
import { say, verdict, type Criterion, type CriterionContext } from './context';
import { countEvidence, countText, daysText, ITEM_FORMS, newestEvidence, numberText, percentText, statEvidence } from './evidence';
import { historyFacts } from './facts';
import { inRange } from './windows';

/** Billed amounts of the last window and the one before it (half-open windows, see inRange). */
function billedByWindow(history: ClientHistory, ctx: CriterionContext): { recent: number; before: number; invoices: number } {
  const days = ctx.settings.scopeCreep.windowDays;
  const facts = historyFacts(history, ctx);
  const billed = { recent: 0, before: 0, invoices: 0 };
  history.invoices.forEach((invoice, i) => {
    const day = facts.invoiceDays[i]!;
    const amount = invoice.amount ?? 0;
    if (inRange(day, ctx.today, days, 0)) billed.recent += amount;
    else if (inRange(day, ctx.today, 2 * days, days)) billed.before += amount;
    else return;
    billed.invoices++;
  });
  return billed;
}

/**
 * Billing growth from one window to the next, as a fraction. Growth from nothing (or from a
 * credit balance) to anything more counts as growth without limit; from nothing to nothing is none.
 */
export function billingGrowth(before: number, recent: number): number {
  if (before > 0) return (recent - before) / before;
  return recent > before ? Number.POSITIVE_INFINITY : 0;
}

/**
 * Criterion 5, "more tasks, same fee". Work items (tickets, or the growth of a ticket count) in
 * the last 90 days, (now − 90 d, now], against the 90 days before, (now − 180 d, now − 90 d]; met
 * when work is ≥ 1.5 × (and ≥ 5 items) while billing grew < 10 %, watch at ≥ 1.25 ×; unknown
 * when the earlier window holds no work (no base for a ratio) or no invoice falls in either window.
 */
export const scopeCreep: Criterion = (history, ctx) => {
  const rule = ctx.settings.scopeCreep;
  const facts = historyFacts(history, ctx);
  const { recent, before } = facts.work;
  const billed = billedByWindow(history, ctx);
  const period = daysText(ctx, rule.windowDays);
  if (before === 0) {
    return verdict(
      'scope-creep',
      'unknown',
      say(ctx, `No work items in the ${period} before the last ${period}: nothing to compare with`, `Нет задач за ${period} до последних ${period}: не с чем сравнить`),
    );
  }
  if (billed.invoices === 0) {
    const span = daysText(ctx, 2 * rule.windowDays);
    return verdict('scope-creep', 'unknown', say(ctx, `No invoices in the last ${span}`, `Нет счетов за последние ${span}`));
  }
  const ratio = recent / before;
  const growth = billingGrowth(billed.before, billed.recent);
  const flatBilling = growth < rule.billingGrowth;
  const status = flatBilling && ratio >= rule.metRatio && recent >= rule.minItems ? 'met' : flatBilling && ratio >= rule.watchRatio ? 'watch' : 'clear';
  const growthText = !Number.isFinite(growth) ? say(ctx, 'up from nothing', 'рост с нуля') : `${growth > 0 ? '+' : ''}${percentText(ctx, growth)}`;
  const [items, times, billedNow, billedThen] = [countText(ctx, recent, ITEM_FORMS), numberText(ctx, ratio), numberText(ctx, billed.recent), numberText(ctx, billed.before)];
  const work = say(ctx, `${items} in the last ${period} vs ${before} before (×${times})`, `${items} за последние ${period} против ${before} до того (×${times})`);
  const evidence: Evidence[] = [
    statEvidence(work),
    statEvidence(
      say(
        ctx,
        `Billed ${billedNow} vs ${billedThen} (${growthText})`,
        `Выставлено ${billedNow} против ${billedThen} (${growthText})`,
      ),
    ),
    ...newestEvidence(ctx, facts.growth.filter((step) => inRange(step.day, ctx.today, 2 * rule.windowDays, 0)), (step) => countEvidence(ctx, step)),
  ];
  return verdict('scope-creep', status, say(ctx, `${work}; billing ${growthText}`, `${work}; выставлено ${growthText}`), evidence);
};
