import { describe, expect, it } from 'vitest';
import { baselineOf, type BaselineEntry } from '../../src/baseline/stats.js';
import type { EvalContext } from '../../src/checks/check.js';
import { CRITICAL_ERROR_RATE, MIN_P95_SAMPLES, wilson } from '../../src/checks/load/budgets.js';
import { evaluateLoad, type LoadVerdict } from '../../src/checks/load/evaluate.js';
import type { LoadRequestResult, LoadResult } from '../../src/checks/load/types.js';
import { configSchema } from '../../src/config/schema.js';

// The pure load evaluation: structured verdicts (kinds, numbers, graded rules), no words.

const ctxOf = (load: Record<string, unknown> = {}, extra: Partial<EvalContext> = {}): EvalContext => ({
  environment: 'production',
  config: configSchema.parse({ environments: { production: { load } } }).environments.production!,
  severity: {},
  ...extra,
});

const noLatency = { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };

function req(over: Partial<LoadRequestResult> & { p50?: number; p95?: number } = {}): LoadRequestResult {
  const { p50 = 100, p95 = 300, ...rest } = over;
  return {
    name: 'target', method: 'GET', url: 'http://127.0.0.1:1/', connections: 10, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 10_000,
    requests: 1000, responses: 1000, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 1000 },
    errorRate: 0, requestsPerSecond: 100,
    latencyMs: { count: 1000, min: 1, mean: p50, p50, p90: p95, p95, p99: p95 * 1.2, max: p95 * 2 },
    histogram: 'HISTFAAAA', ...rest,
  };
}
const loadOf = (rs: LoadRequestResult[], extra: Partial<LoadResult> = {}): LoadResult => ({
  connections: 10, durationMs: 10_000, warmupMs: 0, requests: rs, overall: { ...rs[0]!, name: 'all' }, ...extra,
});
const kinds = (vs: readonly LoadVerdict[]) => vs.map((v) => v.kind);
const find = <K extends LoadVerdict['kind']>(vs: readonly LoadVerdict[], kind: K) => vs.find((v): v is Extract<LoadVerdict, { kind: K }> => v.kind === kind);

/**
 * The strings a verdict holds of its own: none. Skipped: its kind, latency origin and failure class (enums),
 * the graded rule and severity (ids), the request results it points at (and their names) and the load's own notes.
 */
function ownStrings(v: unknown, key = ''): string[] {
  if (['kind', 'from', 'failureClass', 'graded', 'request', 'requestNames', 'overall', 'notes'].includes(key)) return [];
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => ownStrings(x, k));
  return [];
}

describe('evaluateLoad (pure, structured)', () => {
  it('within budget: verdicts in row order, all passing, with their numbers and no words', () => {
    const j = evaluateLoad(loadOf([req()]), ctxOf());
    expect(kinds(j.verdicts)).toEqual(['latency-origin', 'p95', 'p50', 'p99-max', 'error-rate', 'throughput']);
    expect(j.verdicts[0]).toEqual({ kind: 'latency-origin', from: 'sent' });
    expect(find(j.verdicts, 'p95')).toMatchObject({ p95Ms: 300, budgetMs: 2000, over: false, critical: false });
    expect(find(j.verdicts, 'p95')).not.toHaveProperty('graded');
    expect(find(j.verdicts, 'p50')).toMatchObject({ p50Ms: 100, budgetMs: 500, over: false });
    expect(find(j.verdicts, 'p99-max')).toMatchObject({ p99Ms: 360, maxMs: 600 });
    expect(find(j.verdicts, 'throughput')).toMatchObject({ requestsPerSecond: 100, elapsedMs: 10_000 });
    expect(j.observed).toEqual(['production:load:target:unreachable', 'production:load:target:error-rate', 'production:load:target:p50', 'production:load:target:p95']);
  });

  it('p95 over budget, and over twice the budget: graded SEV3 and SEV2', () => {
    expect(find(evaluateLoad(loadOf([req({ p95: 2100 })]), ctxOf()).verdicts, 'p95')).toMatchObject({ p95Ms: 2100, budgetMs: 2000, over: true, critical: false, graded: { rule: 'load-p95', severity: 'sev3' } });
    expect(find(evaluateLoad(loadOf([req({ p95: 4100 })]), ctxOf()).verdicts, 'p95')).toMatchObject({ over: true, critical: true, graded: { rule: 'load-p95-critical', severity: 'sev2' } });
    // A rule switched off: the verdict stays, ungraded.
    const off = find(evaluateLoad(loadOf([req({ p95: 2100 })]), ctxOf({}, { severity: { 'load-p95': 'off' } })).verdicts, 'p95');
    expect(off).toMatchObject({ over: true });
    expect(off).not.toHaveProperty('graded');
  });

  it('p50 over a per-request budget', () => {
    const ctx = ctxOf({ budgets: { p50: '1s' }, requests: [{ name: 'target', budgets: { p50: '50ms' } }] });
    expect(find(evaluateLoad(loadOf([req()]), ctx).verdicts, 'p50')).toMatchObject({ p50Ms: 100, budgetMs: 50, over: true, graded: { rule: 'load-p50', severity: 'sev3' } });
  });

  it('the error rate carries its Wilson interval, budget and critical level', () => {
    const j = evaluateLoad(loadOf([req({ requests: 100, responses: 100, non2xx: 10, errorRate: 0.1 })]), ctxOf());
    const v = find(j.verdicts, 'error-rate')!;
    expect(v).toMatchObject({ errorRate: 0.1, errors: 10, requests: 100, budgetPct: 1, criticalPct: CRITICAL_ERROR_RATE, over: true, critical: true, graded: { rule: 'load-error-rate-critical', severity: 'sev2' } });
    expect(v.interval).toEqual(wilson(10, 100));
    const four = find(evaluateLoad(loadOf([req({ requests: 100, responses: 100, non2xx: 4, errorRate: 0.04 })]), ctxOf()).verdicts, 'error-rate');
    expect(four).toMatchObject({ over: true, critical: false, graded: { rule: 'load-error-rate', severity: 'sev3' } });
    const two = find(evaluateLoad(loadOf([req({ requests: 100, responses: 100, non2xx: 2, errorRate: 0.02 })]), ctxOf()).verdicts, 'error-rate');
    expect(two).toMatchObject({ over: false, critical: false });
    expect(two).not.toHaveProperty('graded');
  });

  it('a target that never answered: one unreachable verdict, SEV1, with its failure class', () => {
    const r = req({ responses: 0, requests: 2, socketErrors: 2, errorRate: 1, latencyMs: noLatency, firstError: { class: 'refused', message: 'connection refused' } });
    const j = evaluateLoad(loadOf([r]), ctxOf());
    expect(kinds(j.verdicts)).toEqual(['latency-origin', 'unreachable']);
    expect(find(j.verdicts, 'unreachable')).toMatchObject({ failureClass: 'refused', graded: { rule: 'load-unreachable', severity: 'sev1' } });
    // No first error recorded: a timeout.
    expect(find(evaluateLoad(loadOf([{ ...r, firstError: undefined }]), ctxOf()).verdicts, 'unreachable')!.failureClass).toBe('timeout');
    expect(j.observed).toEqual(['production:load:target:unreachable']);
  });

  it('no successful response: no latency verdicts, the failed responses kept apart, the error rate judged, no regression', () => {
    const failedLatencyMs = { count: 200, min: 1, mean: 5, p50: 5, p90: 5.1, p95: 5.115, p99: 6, max: 7 };
    const r = req({ requests: 200, responses: 200, non2xx: 200, statusCodes: { 503: 200 }, errorRate: 1, latencyMs: noLatency, failedLatencyMs });
    const baseline = baselineOf(history([400, 410, 390]), 10);
    const j = evaluateLoad(loadOf([r]), ctxOf({}, { baseline }));
    expect(kinds(j.verdicts)).toEqual(['latency-origin', 'no-success', 'failed-responses', 'error-rate', 'throughput']);
    expect(find(j.verdicts, 'no-success')!.budgets).toEqual({ p50: 500, p95: 2000, errorRate: 1 });
    expect(find(j.verdicts, 'failed-responses')!.latency).toEqual(failedLatencyMs);
  });

  it(`fewer than ${MIN_P95_SAMPLES} successes: no p95 verdict on the budget, nor a regression`, () => {
    const r = req({ requests: 19, responses: 19, latencyMs: { count: 19, min: 1, mean: 3000, p50: 3000, p90: 5000, p95: 5000, p99: 5000, max: 5000 } });
    const j = evaluateLoad(loadOf([r]), ctxOf({}, { baseline: baselineOf(history([400, 410, 390]), 10) }));
    expect(find(j.verdicts, 'p95-too-few')).toMatchObject({ successes: 19, needed: MIN_P95_SAMPLES, p95Ms: 5000, budgetMs: 2000 });
    expect(kinds(j.verdicts)).not.toContain('regression');
    expect(kinds(j.verdicts)).not.toContain('p95');
  });

  it('an idle slice: one idle verdict, nothing observed, no outage', () => {
    const idle = req({ requests: 0, responses: 0, statusCodes: {}, errorRate: 0, latencyMs: noLatency, idle: 'sends nothing' });
    const j = evaluateLoad(loadOf([idle], { notes: ['load: target sends nothing'] }), ctxOf());
    expect(kinds(j.verdicts)).toEqual(['load-notes', 'latency-origin', 'idle']);
    expect(j.verdicts[0]).toEqual({ kind: 'load-notes', notes: ['load: target sends nothing'] });
    expect(j.observed).toEqual([]);
  });

  it('under a rate cap, latency is from the intended send time', () => {
    const r = req({ latencyFrom: 'intended' });
    expect(evaluateLoad(loadOf([r], { rate: 50 }), ctxOf()).verdicts[0]).toEqual({ kind: 'latency-origin', from: 'intended', rate: 50 });
  });

  it('no verdict holds words of its own: the numbers are for render.ts to put in words', () => {
    const baseline = baselineOf(history([400, 410, 390]), 10);
    const cases: LoadResult[] = [
      loadOf([req({ p95: 4100, p50: 600, requests: 100, responses: 100, non2xx: 10, errorRate: 0.1 })]),
      loadOf([req({ responses: 0, requests: 1, socketErrors: 1, errorRate: 1, latencyMs: noLatency, firstError: { class: 'refused', message: 'connection refused' } })]),
      loadOf([req({ requests: 5, responses: 5, latencyMs: { ...noLatency, count: 5 }, failedLatencyMs: { ...noLatency, count: 1 } })], { rate: 5 }),
      loadOf([req({ p95: 600 })]),
    ];
    for (const load of cases) {
      const j = evaluateLoad(load, ctxOf({}, { baseline }));
      expect(j.verdicts.length).toBeGreaterThan(1);
      expect(j.verdicts.flatMap((v) => ownStrings(v))).toEqual([]);
    }
  });

  it('regression against the baseline: the judgement and the rule', () => {
    const baseline = baselineOf(history([400, 410, 390]), 10)!;
    const j = evaluateLoad(loadOf([req({ p95: 600 })]), ctxOf({}, { baseline }));
    const v = find(j.verdicts, 'regression')!;
    expect(v).toMatchObject({ requestNames: ['target'], thresholdPct: 25, floorMs: 20, baselineRuns: 3, graded: { rule: 'load-regression', severity: 'sev3' } });
    expect(v.judgement).toMatchObject({ regressed: true, baselineP95: 400, deltaMs: 200 });
    expect(j.observed).toContain('production:load:p95-regression');
    const within = find(evaluateLoad(loadOf([req({ p95: 480 })]), ctxOf({}, { baseline })).verdicts, 'regression')!;
    expect(within.judgement.regressed).toBe(false);
    expect(within).not.toHaveProperty('graded');
  });
});

const history = (p95s: number[]): BaselineEntry[] =>
  p95s.map((p95, i) => ({ at: `2026-11-0${i + 1}T00:00:00Z`, passed: true, p50: 1, p90: 1, p95, p99: 1, max: 1, errorRate: 0, rps: 1, requests: 1 }));
