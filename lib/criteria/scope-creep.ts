import type { ClientHistory, Evidence } from '../model';
import { verdict, type Criterion, type CriterionContext } from './context';
import { countEvidence, countText, daysText, newestEvidence, numberText, percentText, statEvidence } from './evidence';
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
  const says = ctx.text.criteria['scope-creep'].verdict;
  if (before === 0) return verdict('scope-creep', 'unknown', says.noBase(period));
  if (billed.invoices === 0) return verdict('scope-creep', 'unknown', says.noInvoices(daysText(ctx, 2 * rule.windowDays)));
  const ratio = recent / before;
  const growth = billingGrowth(billed.before, billed.recent);
  const flatBilling = growth < rule.billingGrowth;
  const status = flatBilling && ratio >= rule.metRatio && recent >= rule.minItems ? 'met' : flatBilling && ratio >= rule.watchRatio ? 'watch' : 'clear';
  const growthText = !Number.isFinite(growth) ? says.upFromNothing : `${growth > 0 ? '+' : ''}${percentText(ctx, growth)}`;
  const [items, times, billedNow, billedThen] = [countText(ctx, recent, 'workItem'), numberText(ctx, ratio), numberText(ctx, billed.recent), numberText(ctx, billed.before)];
  const work = says.work(items, period, before, times);
  const evidence: Evidence[] = [
    statEvidence(work),
    statEvidence(says.billed(billedNow, billedThen, growthText)),
    ...newestEvidence(ctx, facts.growth.filter((step) => inRange(step.day, ctx.today, 2 * rule.windowDays, 0)), (step) => countEvidence(ctx, step)),
  ];
  return verdict('scope-creep', status, says.summary(work, growthText), evidence);
};
