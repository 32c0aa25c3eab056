import { formatMs } from '../config/duration.js';
import { originOf } from '../core/url.js';
import type { RunOptions } from '../options.js';
import type { BaselineSummary } from '../report/report.js';
import type { RunPlan } from '../run-plan.js';
import { baselineOf, comparable, loadConfigHash, type Baseline, type BaselineKey, type History } from './stats.js';
import type { BaselineStore } from './store.js';

export interface BaselineReading {
  readonly store?: BaselineStore;
  readonly history?: History;
  readonly baseline?: Baseline;
  readonly summary?: BaselineSummary;
  /** What this run's history entry is recorded with: the load config's hash and the target's origin. */
  readonly historyKey?: BaselineKey;
  readonly notes: readonly string[];
}

/**
 * The load baseline this run is judged against: the history read from its store (asked for only
 * when the load check runs, never by a shard), the comparable passing runs, and what to say about it.
 */
export async function readBaseline(plan: RunPlan, opts: RunOptions, openStore?: (plan: RunPlan) => Promise<BaselineStore | undefined>): Promise<BaselineReading> {
  const load = plan.environmentConfig.load;
  const notes: string[] = [];
  let store: BaselineStore | undefined;
  let history: History | undefined;
  let baseline: Baseline | undefined;
  let summary: BaselineSummary | undefined;
  const origin = originOf(plan.baseUrl);
  const historyKey: BaselineKey | undefined = load ? { configHash: loadConfigHash(load), ...(origin ? { origin } : {}) } : undefined;
  // A gate compares a preview deployment with the default branch's target: the same load, another origin.
  const matchKey = historyKey && opts.mode === 'gate' ? { configHash: historyKey.configHash } : historyKey;
  if (plan.checks.includes('load') && load && openStore && !opts.shardSpec) {
    try {
      store = await openStore(plan);
      history = await store?.read(plan.environment);
    } catch (err) {
      notes.push(`baseline: history not read (${(err as Error).message}); judged by budgets alone`);
      store = undefined;
    }
    const k = load.regression['baseline-runs'];
    baseline = history ? baselineOf(history.entries, k, matchKey) : undefined;
    const same = history ? comparable(history.entries, matchKey) : [];
    if (history && history.entries.length > same.length && same.filter((e) => e.passed).length < k) {
      notes.push(`baseline: the load config${opts.mode === 'gate' ? '' : ' or the target'} changed since earlier recorded runs, so a new baseline is being built (${same.filter((e) => e.passed).length} of ${k} comparable passing runs so far; ${history.entries.length - same.length} older runs are not compared)`);
    }
    if (baseline && store) {
      summary = summarizeBaseline(baseline, store.where);
      notes.push(`baseline: ${describeBaseline(summary)}`);
    }
    else if (store) notes.push(`baseline: no passing run recorded yet in ${store.where}; judged by budgets alone`);
  }

  return { notes, ...(store ? { store } : {}), ...(history ? { history } : {}), ...(baseline ? { baseline } : {}), ...(summary ? { summary } : {}), ...(historyKey ? { historyKey } : {}) };
}

function summarizeBaseline(b: Baseline, where: string): BaselineSummary {
  const first = b.runs[0]!;
  const last = b.runs[b.runs.length - 1]!;
  return {
    where,
    runs: b.runs.length,
    from: first.at,
    to: last.at,
    ...(first.sha ? { fromSha: first.sha } : {}),
    ...(last.sha ? { toSha: last.sha } : {}),
    p50: b.p50,
    p95: b.p95,
    p95Mad: b.p95Mad,
    p99: b.p99,
    errorRate: b.errorRate,
    rps: b.rps,
  };
}

export function describeBaseline(b: BaselineSummary): string {
  const range = b.fromSha && b.toSha ? `, commits ${b.fromSha.slice(0, 7)}..${b.toSha.slice(0, 7)}` : '';
  return `median of ${b.runs} passing run${b.runs === 1 ? '' : 's'} (${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}${range}): p95 ${formatMs(b.p95)} ± ${formatMs(b.p95Mad)} MAD, from ${b.where}`;
}
