import { CRITERION_IDS, type ClientHistory, type CriterionId, type PeerStats, type Verdict } from '../model';
import type { Settings } from '../settings';
import { makeContext, type Criterion, type EvaluateOptions } from './context';
import { disrespect } from './disrespect';
import { excessAttention } from './excess-attention';
import { historyFacts } from './facts';
import { ignoredAdvice } from './ignored-advice';
import { latePayment } from './late-payment';
import { billedPerItem, lowIncome } from './low-income';
import { outOfScope } from './out-of-scope';
import { pricePressure } from './price-pressure';
import { scopeCreep } from './scope-creep';

const CRITERIA: Record<CriterionId, Criterion> = {
  'late-payment': latePayment,
  'price-pressure': pricePressure,
  disrespect,
  'ignored-advice': ignoredAdvice,
  'scope-creep': scopeCreep,
  'excess-attention': excessAttention,
  'out-of-scope': outOfScope,
  'low-income': lowIncome,
};

/**
 * One verdict per criterion, in the DESIGN.md table's order; a pure function of the history,
 * settings, `now` and (for the peer-based rules) `peers`. Without `peers` the volume rule of
 * excess-attention is not applied and low-income is unknown: they are never guessed.
 */
export function evaluateClient(history: ClientHistory, opts: EvaluateOptions = {}): Verdict[] {
  const ctx = makeContext(opts);
  return CRITERION_IDS.map((id) => CRITERIA[id](history, ctx));
}

/** Median of a list; null when empty. */
function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The medians across clients that excess-attention and low-income compare against.
 * `medianContacts90d`: tickets in the excess-attention window, over clients with any ticket seen
 * (a client known only from invoices says nothing about contacts). `medianBilledPerItem365d`:
 * billed per work item over clients with both invoices and work items in the low-income window;
 * null when fewer than the low-income minimum of such clients (3 by default).
 *
 * @example evaluateClient(history, { now, peers: peerStats(allHistories, { now }) })
 */
export function peerStats(histories: ClientHistory[], opts: { settings?: Partial<Settings>; now?: Date } = {}): PeerStats {
  const ctx = makeContext(opts);
  const contacts: number[] = [];
  const perItem: number[] = [];
  for (const history of histories) {
    if (history.tickets.length > 0) contacts.push(historyFacts(history, ctx).tickets.contacts);
    const billed = billedPerItem(history, ctx).perItem;
    if (billed !== null) perItem.push(billed);
  }
  return {
    clients: histories.length,
    medianContacts90d: medianOf(contacts),
    medianBilledPerItem365d: perItem.length >= ctx.settings.lowIncome.minPeers ? medianOf(perItem) : null,
  };
}
