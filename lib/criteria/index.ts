import { CRITERION_IDS, type ClientHistory, type CriterionId, type PeerStats, type Verdict } from '../model';
import type { Settings } from '../settings';
import { makeContext, say, verdict, type Criterion, type EvaluateOptions } from './context';
import { latePayment } from './late-payment';

/** Criteria not built yet answer `unknown` and say so, rather than guessing. */
const notYetBuilt =
  (id: CriterionId): Criterion =>
  (_history, ctx) =>
    verdict(id, 'unknown', say(ctx, 'Not evaluated yet in this version', 'В этой версии пока не оценивается'));

const CRITERIA: Record<CriterionId, Criterion> = {
  'late-payment': latePayment,
  'price-pressure': notYetBuilt('price-pressure'),
  disrespect: notYetBuilt('disrespect'),
  'ignored-advice': notYetBuilt('ignored-advice'),
  'scope-creep': notYetBuilt('scope-creep'),
  'excess-attention': notYetBuilt('excess-attention'),
  'out-of-scope': notYetBuilt('out-of-scope'),
  'low-income': notYetBuilt('low-income'),
};

/**
 * One verdict per criterion, in the DESIGN.md table's order; a pure function of the history,
 * settings, `now` and (for the peer-based rules) `peers`.
 */
export function evaluateClient(history: ClientHistory, opts: EvaluateOptions = {}): Verdict[] {
  const ctx = makeContext(opts);
  return CRITERION_IDS.map((id) => CRITERIA[id](history, ctx));
}

/** Medians across clients that excess-attention and low-income compare against. */
export function peerStats(histories: ClientHistory[], _opts: { settings?: Partial<Settings>; now?: Date } = {}): PeerStats {
  return { clients: histories.length, medianContacts90d: null, medianBilledPerItem365d: null };
}
