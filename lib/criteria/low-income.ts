import type { ClientHistory } from '../model';
import { verdict, type Criterion, type CriterionContext } from './context';
import { countText, daysText, numberText, percentText, statEvidence } from './evidence';
import { historyFacts } from './facts';
import { inLastDays } from './windows';

/** Billed amount and work items of the last 365 days (both ends included); null per-item when either is missing. */
export function billedPerItem(history: ClientHistory, ctx: CriterionContext): { billed: number; invoices: number; items: number; perItem: number | null } {
  const facts = historyFacts(history, ctx);
  const days = ctx.settings.lowIncome.windowDays;
  let billed = 0;
  let invoices = 0;
  history.invoices.forEach((invoice, i) => {
    if (!inLastDays(facts.invoiceDays[i]!, ctx.today, days)) return;
    invoices++;
    billed += invoice.amount ?? 0;
  });
  const items = facts.work.year;
  return { billed, invoices, items, perItem: invoices > 0 && items > 0 ? billed / items : null };
}

/**
 * The article's premise, "the client adds little to income": billed per work item over 365 days
 * against the median client's. Met under 1/3 of the median, watch under 2/3. Needs peers with
 * both invoices and work data (≥ 3): without them it is unknown, never guessed.
 */
export const lowIncome: Criterion = (history, ctx) => {
  const rule = ctx.settings.lowIncome;
  const period = daysText(ctx, rule.windowDays);
  const says = ctx.text.criteria['low-income'].verdict;
  if (!ctx.peers) return verdict('low-income', 'unknown', says.noPeers);
  const median = ctx.peers.medianBilledPerItem365d;
  if (median === null) return verdict('low-income', 'unknown', says.fewPeers(rule.minPeers, period));
  const own = billedPerItem(history, ctx);
  if (own.perItem === null) {
    return verdict('low-income', 'unknown', own.invoices === 0 ? says.noInvoices(period) : says.noWork(period));
  }
  const share = median > 0 ? own.perItem / median : Number.POSITIVE_INFINITY;
  const status = own.perItem < median * rule.metFraction ? 'met' : own.perItem < median * rule.watchFraction ? 'watch' : 'clear';
  const shareText = Number.isFinite(share) ? percentText(ctx, share) : '—';
  const [perItem, medianText, billed, items] = [numberText(ctx, own.perItem), numberText(ctx, median), numberText(ctx, own.billed), countText(ctx, own.items, 'workItem')];
  return verdict(
    'low-income',
    status,
    says.perItem(perItem, period, shareText, medianText),
    [statEvidence(says.billed(billed, items, period))],
  );
};
