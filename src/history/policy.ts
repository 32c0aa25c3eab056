import { historyDecision, type HistoryDecision, type HistoryInput } from '../baseline/policy.js';

/**
 * Whether this run is recorded in the run history: the baseline's rule (default branch, not dry,
 * not gate, not a shard), with two differences. A run whose target never answered is recorded
 * too: it is an outage, the very thing the history must see. A merge run is not: it judges shard
 * results and observed no probe of its own.
 */
export function runHistoryDecision(i: Omit<HistoryInput, 'answered'> & { readonly enabled: boolean }): HistoryDecision {
  if (!i.enabled) return { record: false, why: 'history.record is false for this environment' };
  if (i.mode === 'merge') return { record: false, why: 'a merge run judges shard results and probes nothing itself' };
  return historyDecision({ ...i, answered: true });
}
