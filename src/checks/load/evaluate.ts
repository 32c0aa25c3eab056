import { judgeRegression, type RegressionVerdict } from '../../baseline/stats.js';
import type { RuleId } from '../../core/severity.js';
import type { FailureClass } from '../../core/types.js';
import type { LatencySummary } from '../../scale/histogram.js';
import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';
import { CRITICAL_ERROR_RATE, MIN_P95_SAMPLES, resolveBudgets, wilson, type ResolvedBudgets } from './budgets.js';
import { DEFAULT_REGRESSION_PCT, type LoadConfig } from './schema.js';
import type { LoadRequestResult, LoadResult } from './types.js';

/** A rule that fired carries its grade; absent where the config switched the rule off. */
type Ruled = { readonly graded?: Graded };
type Of = { readonly request: LoadRequestResult };

/**
 * The load check's verdicts, in the order of its rows and notes. Per request: idle, unreachable,
 * or its latency (successful responses only), failed responses, error rate and throughput; then
 * the overall p95 against the baseline. Facts and numbers only: `render.ts` puts them in words.
 */
export type LoadVerdict =
  /** What the load step said about itself (idle slices, merge observations), passed on. */
  | { readonly kind: 'load-notes'; readonly notes: readonly string[] }
  /** Where latency is measured from: when each request was sent, or under a rate cap when it was meant to be. */
  | { readonly kind: 'latency-origin'; readonly from: 'sent' | 'intended'; readonly rate?: number; readonly open?: true }
  /**
   * The open model's arrivals over the run: the mean target rate, the rate at which requests started
   * (not dropped) and how many were dropped at max-in-flight (they count as errors). Per second.
   */
  | { readonly kind: 'arrival'; readonly targetRate: number; readonly achievedRate: number; readonly started: number; readonly dropped: number; readonly maxInFlight?: number; readonly durationMs: number; readonly runs?: number; /** Set when the generator itself sent requests more than SEND_LAG_NOTE_MS late. */ readonly lateSends?: { readonly p99: number; readonly max: number } }
  /** One stage of the open model: its ramp (per second), what it started and its latencies from the intended start. */
  | {
      readonly kind: 'stage';
      readonly index: number;
      readonly fromRate: number;
      readonly targetRate: number;
      readonly durationMs: number;
      readonly expected: number;
      readonly started: number;
      readonly dropped: number;
      readonly achievedRate: number;
      readonly successes: number;
      readonly p50Ms: number;
      readonly p95Ms: number;
      readonly p99Ms: number;
    }
  /** Its share of the rate or amount was 0: it sent nothing on purpose (`request.idle` says why). Not an outage. */
  | ({ readonly kind: 'idle' } & Of)
  /** No response at all: an outage. */
  | ({ readonly kind: 'unreachable'; readonly failureClass: FailureClass } & Of & Ruled)
  /** Responses, but none successful: no latency to judge against the budgets. */
  | ({ readonly kind: 'no-success'; readonly budgets: ResolvedBudgets } & Of)
  /** Too few successful responses for a p95: not judged against its budget. */
  | ({ readonly kind: 'p95-too-few'; readonly successes: number; readonly needed: number; readonly p95Ms: number; readonly budgetMs: number } & Of)
  /** The p95 against its budget; critical beyond twice the budget. */
  | ({ readonly kind: 'p95'; readonly p95Ms: number; readonly budgetMs: number; readonly over: boolean; readonly critical: boolean } & Of & Ruled)
  | ({ readonly kind: 'p50'; readonly p50Ms: number; readonly budgetMs: number; readonly over: boolean } & Of & Ruled)
  /** The tail, not judged: p99 (never above the max) and max. */
  | ({ readonly kind: 'p99-max'; readonly p99Ms: number; readonly maxMs: number } & Of)
  /** The failed responses' latencies, kept apart from latency. */
  | ({ readonly kind: 'failed-responses'; readonly latency: LatencySummary } & Of)
  /**
   * The error rate against its budget, judged on its Wilson 95 % interval (fractions): over when
   * the lower bound is above the budget, critical when above the critical level as well.
   */
  | ({
      readonly kind: 'error-rate';
      readonly errorRate: number;
      readonly errors: number;
      readonly requests: number;
      readonly interval: { readonly low: number; readonly high: number };
      /** Percent. */
      readonly budgetPct: number;
      /** Percent. */
      readonly criticalPct: number;
      readonly over: boolean;
      readonly critical: boolean;
    } & Of & Ruled)
  | ({ readonly kind: 'throughput'; readonly requestsPerSecond: number; readonly elapsedMs: number } & Of)
  /** The overall p95 against the baseline of earlier runs. */
  | ({
      readonly kind: 'regression';
      readonly overall: LoadRequestResult;
      /** The requests the overall p95 covers. */
      readonly requestNames: readonly string[];
      readonly judgement: RegressionVerdict;
      /** Percent. */
      readonly thresholdPct: number;
      readonly floorMs: number;
      readonly baselineRuns: number;
    } & Ruled);

/** Pure: the load result judged against its budgets, and against the baseline when there is one. */
export function evaluateLoad(load: LoadResult, ctx: EvalContext): Judged<LoadVerdict> {
  const verdicts: LoadVerdict[] = [];
  const observed: string[] = [];
  const observe = (...subjects: string[]) => observed.push(...subjects.map((s) => fingerprint(ctx.environment, 'load', s)));
  const cfg = ctx.config.load as LoadConfig | undefined;
  const byName = new Map((cfg?.requests ?? []).map((r) => [r.name, r]));
  if (load.notes?.length) verdicts.push({ kind: 'load-notes', notes: load.notes });
  const from = load.overall.latencyFrom === 'intended' ? 'intended' : 'sent';
  verdicts.push({ kind: 'latency-origin', from, ...(from === 'intended' && load.rate !== undefined ? { rate: load.rate } : {}), ...(load.overall.model === 'open' ? { open: true as const } : {}) });
  if (load.overall.model === 'open') verdicts.push(...openVerdicts(load));
  let overallP95Breached = false;
  // A Map: request names of a merge run come from shard JSON (a name such as __proto__ is a plain key).
  const budgetsOf = new Map<string, ResolvedBudgets>();
  for (const r of load.requests) {
    const budgets = resolveBudgets(cfg?.budgets, byName.get(r.name)?.budgets);
    budgetsOf.set(r.name, budgets);
    const breached = evaluateLoadRequest(r, budgets, ctx, verdicts, observe);
    if (breached || (r.responses === 0 && !r.idle)) overallP95Breached = true;
  }
  if (ctx.baseline && cfg && !overallP95Breached) {
    observe('p95-regression');
    const o = load.overall;
    const judgement = judgeRegression(o.latencyMs.p95, ctx.baseline, { thresholdPct: cfg.regression.threshold, floorMs: cfg.regression.floor });
    verdicts.push({
      kind: 'regression',
      overall: o,
      requestNames: load.requests.map((r) => r.name),
      judgement,
      thresholdPct: cfg.regression.threshold,
      floorMs: cfg.regression.floor,
      baselineRuns: ctx.baseline.runs.length,
      ...(judgement.regressed ? graded(ctx, 'load-regression') : {}),
    });
  }
  return { verdicts, observed, facts: { load: { budgets: Object.fromEntries(budgetsOf), regressionThresholdPct: cfg?.regression.threshold ?? DEFAULT_REGRESSION_PCT } } };
}

/** One request's verdicts; true when its p95 broke the budget (or there is none to judge). */
function evaluateLoadRequest(r: LoadRequestResult, budgets: ResolvedBudgets, ctx: EvalContext, out: LoadVerdict[], observe: (...subjects: string[]) => void): boolean {
  const name = r.name;
  if (r.idle && r.requests === 0) {
    out.push({ kind: 'idle', request: r });
    return false;
  }
  observe(`${name}:unreachable`);
  if (r.responses === 0) {
    // Never a silent zero: a target that did not answer is an outage, graded as a failed probe.
    out.push({ kind: 'unreachable', request: r, failureClass: r.firstError?.class ?? 'timeout', ...graded(ctx, 'load-unreachable') });
    return false;
  }
  observe(`${name}:error-rate`);
  const l = r.latencyMs;
  const failedResponses = () => {
    const fl = r.failedLatencyMs;
    if (fl && fl.count > 0) out.push({ kind: 'failed-responses', request: r, latency: fl });
  };

  // Latency is that of successful responses: a fast 503 is not a fast service.
  if (l.count === 0) {
    out.push({ kind: 'no-success', request: r, budgets });
    failedResponses();
    out.push(...judgeErrorRate(r, budgets, ctx));
    return true;
  }
  observe(`${name}:p50`);
  if (l.count >= MIN_P95_SAMPLES) observe(`${name}:p95`);

  // p95: SEV2 beyond twice the budget, SEV3 beyond it; from fewer than MIN_P95_SAMPLES successes, a note.
  let p95Breached = false;
  if (l.count < MIN_P95_SAMPLES) {
    p95Breached = true; // no p95 to judge, nor to compare with the baseline
    out.push({ kind: 'p95-too-few', request: r, successes: l.count, needed: MIN_P95_SAMPLES, p95Ms: l.p95, budgetMs: budgets.p95 });
  } else {
    const over = l.p95 > budgets.p95;
    const critical = over && l.p95 > 2 * budgets.p95;
    p95Breached = over;
    out.push({ kind: 'p95', request: r, p95Ms: l.p95, budgetMs: budgets.p95, over, critical, ...(over ? graded(ctx, critical ? 'load-p95-critical' : 'load-p95') : {}) });
  }

  const p50Over = l.p50 > budgets.p50;
  out.push({ kind: 'p50', request: r, p50Ms: l.p50, budgetMs: budgets.p50, over: p50Over, ...(p50Over ? graded(ctx, 'load-p50') : {}) });
  out.push({ kind: 'p99-max', request: r, p99Ms: Math.min(l.p99, l.max), maxMs: l.max });
  failedResponses();
  out.push(...judgeErrorRate(r, budgets, ctx));
  return p95Breached;
}

/**
 * The error-rate budget, judged on the Wilson 95 % interval so a small sample cannot flip the
 * verdict: over budget when the interval's lower bound is above the budget, SEV2 when the lower
 * bound is above the critical level as well. Then the throughput.
 */
function judgeErrorRate(r: LoadRequestResult, budgets: ResolvedBudgets, ctx: EvalContext): LoadVerdict[] {
  const errors = Math.round(r.errorRate * r.requests);
  const interval = wilson(errors, r.requests);
  const lowPct = interval.low * 100;
  const over = lowPct > budgets.errorRate;
  const critical = over && lowPct > Math.max(CRITICAL_ERROR_RATE, budgets.errorRate);
  return [
    {
      kind: 'error-rate',
      request: r,
      errorRate: r.errorRate,
      errors,
      requests: r.requests,
      interval,
      budgetPct: budgets.errorRate,
      criticalPct: CRITICAL_ERROR_RATE,
      over,
      critical,
      ...(over ? graded(ctx, critical ? 'load-error-rate-critical' : 'load-error-rate') : {}),
    },
    { kind: 'throughput', request: r, requestsPerSecond: r.requestsPerSecond, elapsedMs: r.elapsedMs },
  ];
}

/** The generator's own send lag above which the summary says the target saw bursts, not the schedule. */
export const SEND_LAG_NOTE_MS = 10;

/** The open model's arrivals and stages, from the overall result (all requests, workers and shards). */
export function openVerdicts(load: LoadResult): LoadVerdict[] {
  const o = load.overall;
  const stages = o.stages ?? [];
  const durationMs = stages.reduce((a, s) => a + s.durationMs, 0) || load.durationMs;
  // Gate samples repeat the run: the rate is what started ÷ the time observed over every run.
  const observedMs = stages.reduce((a, s) => a + s.durationMs * (s.runs ?? 1), 0) || durationMs;
  const runs = durationMs > 0 ? Math.round(observedMs / durationMs) : 1;
  const started = stages.length ? stages.reduce((a, s) => a + s.requests, 0) : o.requests - (o.dropped ?? 0);
  const perSecond = (n: number, ms: number) => (ms > 0 ? Number(((n / ms) * 1000).toPrecision(6)) : 0);
  const out: LoadVerdict[] = [
    {
      kind: 'arrival',
      targetRate: o.targetRate ?? 0,
      achievedRate: perSecond(started, observedMs),
      started,
      dropped: o.dropped ?? 0,
      ...(load.maxInFlight !== undefined ? { maxInFlight: load.maxInFlight } : {}),
      durationMs,
      ...(runs > 1 ? { runs } : {}),
      ...(o.sendLagMs && o.sendLagMs.max > SEND_LAG_NOTE_MS ? { lateSends: o.sendLagMs } : {}),
    },
  ];
  stages.forEach((s, index) => {
    out.push({
      kind: 'stage', index, fromRate: s.from, targetRate: s.target, durationMs: s.durationMs, expected: s.expected, started: s.requests, dropped: s.dropped,
      achievedRate: s.achievedRate, successes: s.latencyMs.count, p50Ms: s.latencyMs.p50, p95Ms: s.latencyMs.p95, p99Ms: Math.min(s.latencyMs.p99, s.latencyMs.max),
    });
  });
  return out;
}

function graded(ctx: EvalContext, rule: RuleId): Ruled {
  const g = grade(ctx, rule);
  return g ? { graded: g } : {};
}
