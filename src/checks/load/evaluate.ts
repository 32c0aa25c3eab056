import type { EvalContext } from '../check.js';
import { builder, fail, finding, observe, ruled, type Builder } from '../legacy.js';
import type { LoadConfig, Budgets } from './schema.js';
import { judgeRegression } from '../../baseline/stats.js';
import { formatMs } from '../../config/duration.js';
import { pct, round } from '../rendering.js';
import type { RuleId } from '../../core/severity.js';
import type { LoadRequestResult, LoadResult } from '../../core/types.js';

export const DEFAULT_BUDGETS = { p50: 500, p95: 2000, 'error-rate': 1 } as const;
/** Error rate above this percentage is SEV2, whatever the budget (when the budget is lower). */
export const CRITICAL_ERROR_RATE = 5;

export interface ResolvedBudgets {
  readonly p50: number;
  readonly p95: number;
  /** Percent. */
  readonly errorRate: number;
}

export function resolveBudgets(...layers: (Budgets | undefined)[]): ResolvedBudgets {
  let p50: number = DEFAULT_BUDGETS.p50;
  let p95: number = DEFAULT_BUDGETS.p95;
  let errorRate: number = DEFAULT_BUDGETS['error-rate'];
  for (const b of layers) {
    if (b?.p50 !== undefined) p50 = b.p50;
    if (b?.p95 !== undefined) p95 = b.p95;
    if (b?.['error-rate'] !== undefined) errorRate = b['error-rate'];
  }
  return { p50, p95, errorRate };
}

export function evaluateLoad(load: LoadResult, ctx: EvalContext): Builder {
  const b = builder();
  const cfg = ctx.config.load as LoadConfig | undefined;
  const byName = new Map((cfg?.requests ?? []).map((r) => [r.name, r]));
  b.notes.push(...(load.notes ?? []));
  const o0 = load.overall;
  b.notes.push(
    o0.latencyFrom === 'intended'
      ? `load: latency is measured from each request's intended send time under the rate cap${load.rate !== undefined ? ` of ${load.rate}/s` : ''} (as wrk2 does, against coordinated omission), so a stall counts for every request that waited behind it`
      : 'load: latency is measured from when each request was sent (no rate cap)',
  );
  let overallP95Breached = false;
  for (const r of load.requests) {
    const budgets = resolveBudgets(cfg?.budgets, byName.get(r.name)?.budgets);
    const breached = evaluateLoadRequest(r, budgets, ctx, b);
    if (breached || (r.responses === 0 && !r.idle)) overallP95Breached = true;
  }
  if (ctx.baseline && cfg && !overallP95Breached) {
    observe(b, ctx, 'load', 'p95-regression');
    const o = load.overall;
    const v = judgeRegression(o.latencyMs.p95, ctx.baseline, { thresholdPct: cfg.regression.threshold, floorMs: cfg.regression.floor });
    const value = `p95 ${formatMs(o.latencyMs.p95)} vs baseline ${formatMs(v.baselineP95)} (${v.deltaMs >= 0 ? '+' : ''}${round(v.deltaPct)} %)`;
    const subject = `p95 regression of ${load.requests.length === 1 ? load.requests[0]!.name : `all ${load.requests.length} requests`}`;
    const budget = `≤ baseline + max(${cfg.regression.threshold} %, 3 × MAD) = +${formatMs(v.bandMs)}, and +${formatMs(cfg.regression.floor)} floor`;
    if (v.regressed) {
      const f = ruled(ctx, 'load-regression', (s) =>
        finding(ctx, 'load', 'p95-regression', 'load-regression', s, 'load p95 regressed against the baseline',
          `p95 is ${formatMs(o.latencyMs.p95)}, ${formatMs(v.deltaMs)} (${round(v.deltaPct)} %) above the baseline ${formatMs(v.baselineP95)} of ${ctx.baseline!.runs.length} runs; the noise band is ${formatMs(v.bandMs)}`,
          { measured: { value: o.latencyMs.p95, unit: 'ms', budget: round(v.baselineP95 + v.bandMs) } }),
      );
      fail(b, f, o.url, { check: 'load', subject, value, budget });
    } else {
      b.rows.push({ check: 'load', subject, value, budget, verdict: 'pass' });
    }
  }
  return b;
}

/** Findings for one request's load; true when its p95 broke the budget. */
function evaluateLoadRequest(r: LoadRequestResult, budgets: ResolvedBudgets, ctx: EvalContext, b: Builder): boolean {
  const name = r.name;
  if (r.idle && r.requests === 0) {
    // Its share of the rate or amount is 0: it sent nothing on purpose, which is not an outage.
    b.rows.push({ check: 'load', subject: `${name} requests`, value: `none sent: ${r.idle}`, budget: '', verdict: 'skip' });
    return false;
  }
  observe(b, ctx, 'load', `${name}:unreachable`);
  if (r.responses === 0) {
    // Never a silent zero: a target that did not answer is an outage, graded as a failed probe.
    const cls = r.firstError?.class ?? 'timeout';
    const f = ruled(ctx, 'load-unreachable', (s) =>
      finding(ctx, 'load', `${name}:unreachable`, 'load-unreachable', s, `load target ${name} never answered`,
        `${r.method} ${r.url}: no response to ${r.requests} requests during the load test (${cls}: ${r.firstError?.message ?? 'no answer'})`,
        { classification: cls }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} responses`, value: `none of ${r.requests} (${cls})`, budget: 'answers' });
    return false;
  }
  observe(b, ctx, 'load', `${name}:error-rate`);
  const l = r.latencyMs;
  const counts = `${r.non2xx} non-2xx, ${r.socketErrors} socket errors, ${r.timeouts} timeouts${r.mismatches ? `, ${r.mismatches} body mismatches` : ''} of ${r.requests}`;
  const failedRow = () => {
    const fl = r.failedLatencyMs;
    if (fl && fl.count > 0) {
      b.rows.push({ check: 'load', subject: `${name} failed responses`, value: `${fl.count}: p50 ${formatMs(fl.p50)}, p95 ${formatMs(fl.p95)}, max ${formatMs(fl.max)} (not latency: kept apart)`, budget: '', verdict: 'skip' });
    }
  };

  // Latency is that of successful responses: a fast 503 is not a fast service.
  if (l.count === 0) {
    const why = `no successful response (${r.responses} of ${r.responses} failed)`;
    b.rows.push({ check: 'load', subject: `${name} p95`, value: why, budget: `< ${formatMs(budgets.p95)}`, verdict: 'skip' });
    b.rows.push({ check: 'load', subject: `${name} p50`, value: why, budget: `< ${formatMs(budgets.p50)}`, verdict: 'skip' });
    failedRow();
    judgeErrorRate(r, budgets, counts, ctx, b);
    return true;
  }
  observe(b, ctx, 'load', `${name}:p50`);
  if (l.count >= MIN_P95_SAMPLES) observe(b, ctx, 'load', `${name}:p95`);

  // p95: SEV2 beyond twice the budget, SEV3 beyond it; from fewer than MIN_P95_SAMPLES successes, a note.
  let p95Breached = false;
  if (l.count < MIN_P95_SAMPLES) {
    p95Breached = true; // no p95 to judge, nor to compare with the baseline
    b.notes.push(`load: ${name}: too few samples for a p95 (${l.count} successful responses; a p95 needs ${MIN_P95_SAMPLES}): not judged against its budget`);
    b.rows.push({ check: 'load', subject: `${name} p95`, value: `${formatMs(l.p95)}: too few samples (${l.count} of ${MIN_P95_SAMPLES} needed)`, budget: `< ${formatMs(budgets.p95)}`, verdict: 'skip' });
  } else if (l.p95 > budgets.p95) {
    p95Breached = true;
    const critical = l.p95 > 2 * budgets.p95;
    const rule: RuleId = critical ? 'load-p95-critical' : 'load-p95';
    const f = ruled(ctx, rule, (s) =>
      finding(ctx, 'load', `${name}:p95`, rule, s, `load p95 over budget on ${name}`,
        `p95 latency of ${r.method} ${r.url} is ${formatMs(l.p95)}, over the ${formatMs(budgets.p95)} budget${critical ? ' by more than 2×' : ''} (p50 ${formatMs(l.p50)}, p99 ${formatMs(l.p99)}, ${l.count} successful responses)`,
        { classification: 'latency', measured: { value: l.p95, unit: 'ms', budget: budgets.p95 } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} p95`, value: formatMs(l.p95), budget: `< ${formatMs(budgets.p95)}` });
  } else {
    b.rows.push({ check: 'load', subject: `${name} p95`, value: formatMs(l.p95), budget: `< ${formatMs(budgets.p95)}`, verdict: 'pass' });
  }

  if (l.p50 > budgets.p50) {
    const f = ruled(ctx, 'load-p50', (s) =>
      finding(ctx, 'load', `${name}:p50`, 'load-p50', s, `load p50 over budget on ${name}`,
        `median latency of ${r.method} ${r.url} is ${formatMs(l.p50)}, over the ${formatMs(budgets.p50)} budget`,
        { classification: 'latency', measured: { value: l.p50, unit: 'ms', budget: budgets.p50 } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} p50`, value: formatMs(l.p50), budget: `< ${formatMs(budgets.p50)}` });
  } else {
    b.rows.push({ check: 'load', subject: `${name} p50`, value: formatMs(l.p50), budget: `< ${formatMs(budgets.p50)}`, verdict: 'pass' });
  }
  b.rows.push({ check: 'load', subject: `${name} p99 / max`, value: `${formatMs(Math.min(l.p99, l.max))} / ${formatMs(l.max)}`, budget: '', verdict: 'pass' });
  failedRow();
  judgeErrorRate(r, budgets, counts, ctx, b);
  return p95Breached;
}

/** A p95 from fewer successful responses than this is a note, not a budget verdict. */
export const MIN_P95_SAMPLES = 20;

/**
 * The Wilson score interval (95 %, z = 1.96) of `errors` out of `n`, as fractions: how sure a
 * measured error rate is. On 100 requests, 10 errors is 5.5 %–17.4 %.
 */
export function wilson(errors: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, errors / n));
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The error-rate budget, judged on the Wilson 95 % interval so a small sample cannot flip the
 * verdict: over budget when the interval's lower bound is above the budget, SEV2 when the lower
 * bound is above the critical level as well.
 */
function judgeErrorRate(r: LoadRequestResult, budgets: ResolvedBudgets, counts: string, ctx: EvalContext, b: Builder): void {
  const name = r.name;
  const { low, high } = wilson(Math.round(r.errorRate * r.requests), r.requests);
  const lowPct = low * 100;
  const interval = `95 % interval ${pct(low)}–${pct(high)}`;
  const value = `${pct(r.errorRate)} (${interval}; ${counts})`;
  const rateBudget = `< ${budgets.errorRate} %, judged on the interval's lower bound`;
  if (lowPct > budgets.errorRate) {
    const critical = lowPct > Math.max(CRITICAL_ERROR_RATE, budgets.errorRate);
    const rule: RuleId = critical ? 'load-error-rate-critical' : 'load-error-rate';
    const f = ruled(ctx, rule, (s) =>
      finding(ctx, 'load', `${name}:error-rate`, rule, s, `load error rate over budget on ${name}`,
        `error rate of ${r.method} ${r.url} is ${pct(r.errorRate)} (${interval}), over the ${budgets.errorRate} % budget${critical ? ` and the ${CRITICAL_ERROR_RATE} % critical level` : ''} even at the interval's lower bound (${counts})`,
        { measured: { value: round(r.errorRate * 100), unit: '%', budget: budgets.errorRate } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} error rate`, value, budget: rateBudget });
  } else {
    b.rows.push({ check: 'load', subject: `${name} error rate`, value, budget: rateBudget, verdict: 'pass' });
  }
  b.rows.push({ check: 'load', subject: `${name} throughput`, value: `${r.requestsPerSecond} req/s over ${formatMs(r.elapsedMs)}`, budget: '', verdict: 'pass' });
}
