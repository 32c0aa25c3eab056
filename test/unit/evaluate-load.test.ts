import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { baselineOf, type BaselineEntry } from '../../src/baseline/stats.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { resolveBudgets, wilson } from '../../src/checks/load/budgets.js';
import type { LoadRequestResult, LoadResult } from '../../src/checks/load/types.js';

const env = (load: Record<string, unknown> = {}) => configSchema.parse({ environments: { production: { load } } }).environments.production!;

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
const result = (r: LoadRequestResult): LoadResult => ({ connections: 10, durationMs: 10_000, warmupMs: 0, requests: [r], overall: { ...r, name: 'all' } });
const history = (p95s: number[]): BaselineEntry[] =>
  p95s.map((p95, i) => ({ at: `2026-11-0${i + 1}T00:00:00Z`, passed: true, p50: 1, p90: 1, p95, p99: 1, max: 1, errorRate: 0, rps: 1, requests: 1 }));

function findings(r: LoadRequestResult, loadCfg: Record<string, unknown> = {}, baselineP95s?: number[]) {
  const e = env(loadCfg);
  const baseline = baselineP95s ? baselineOf(history(baselineP95s), 10) : undefined;
  return evaluate({ load: result(r) }, { environment: 'production', config: e, severity: {}, ...(baseline ? { baseline } : {}) }).findings.map((f) => [f.subject, f.rule, f.severity]);
}

describe('load budgets and severities (the guide\'s defaults: p50 500 ms, p95 2 s, errors 1 %)', () => {
  it.each([
    ['within budget', req(), []],
    ['p95 over budget', req({ p95: 2100 }), [['target:p95', 'load-p95', 'sev3']]],
    ['p95 over 2 × budget', req({ p95: 4100 }), [['target:p95', 'load-p95-critical', 'sev2']]],
    ['p50 over budget', req({ p50: 600 }), [['target:p50', 'load-p50', 'sev3']]],
    ['error rate 2 %', req({ errorRate: 0.02, non2xx: 20 }), [['target:error-rate', 'load-error-rate', 'sev3']]],
    ['error rate exactly 1 %', req({ errorRate: 0.01, non2xx: 10 }), []],
    // Judged on the Wilson 95 % interval: 60 of 1000 is 4.7 %–7.7 %, not surely above 5 %.
    ['error rate 6 % of 1000: SEV3', req({ errorRate: 0.06, non2xx: 60 }), [['target:error-rate', 'load-error-rate', 'sev3']]],
    ['error rate 8 % of 1000: SEV2', req({ errorRate: 0.08, non2xx: 80 }), [['target:error-rate', 'load-error-rate-critical', 'sev2']]],
    ['never answered', req({ responses: 0, requests: 1, socketErrors: 1, errorRate: 1, firstError: { class: 'refused', message: 'connection refused' } }), [['target:unreachable', 'load-unreachable', 'sev1']]],
  ] as const)('%s', (_n, r, expected) => {
    expect(findings(r)).toEqual(expected);
  });

  it('per-request budgets override the environment\'s, which override the defaults', () => {
    expect(resolveBudgets({ p95: 1000 }, { 'error-rate': 0.5 })).toEqual({ p50: 500, p95: 1000, errorRate: 0.5 });
    const cfg = { budgets: { p95: '1s' }, requests: [{ name: 'target', budgets: { p95: '250ms' } }] };
    expect(findings(req({ p95: 300 }), cfg)).toEqual([['target:p95', 'load-p95', 'sev3']]);
  });

  it('a never-answering target has no percentiles in its rows, only "none"', () => {
    const e = evaluate({ load: result(req({ responses: 0, requests: 1, socketErrors: 1, errorRate: 1 })) }, { environment: 'production', config: env(), severity: {} });
    expect(e.rows.map((r) => r.value)).toEqual(['none of 1 (timeout)']);
  });
});

// Issue 19: small samples are judged on a confidence bound; latency is that of successful responses.
describe('small samples', () => {
  const of = (errors: number, n: number) => req({ requests: n, responses: n, non2xx: errors, errorRate: errors / n, latencyMs: { count: n - errors, min: 1, mean: 100, p50: 100, p90: 300, p95: 300, p99: 360, max: 600 } });
  it.each([
    // errors, requests, interval (%), findings: over the 1 % budget when the lower bound is above it; SEV2 above 5 %
    [0, 100, [0, 3.7], []],
    [2, 100, [0.55, 7.0], []],
    [4, 100, [1.57, 9.8], [['target:error-rate', 'load-error-rate', 'sev3']]],
    [10, 100, [5.52, 17.44], [['target:error-rate', 'load-error-rate-critical', 'sev2']]],
    [14, 100, [8.53, 22.1], [['target:error-rate', 'load-error-rate-critical', 'sev2']]],
    [20, 1000, [1.3, 3.07], [['target:error-rate', 'load-error-rate', 'sev3']]],
    [1, 1, [20.65, 100], [['target:error-rate', 'load-error-rate-critical', 'sev2']]],
  ] as const)('%i errors of %i requests', (errors, n, [low, high], expected) => {
    const w = wilson(errors, n);
    expect(w.low * 100).toBeCloseTo(low, 1);
    expect(w.high * 100).toBeCloseTo(high, 0);
    expect(findings(of(errors, n))).toEqual(expected);
  });

  it('the error-rate row shows the interval', () => {
    const e = evaluate({ load: result(of(10, 100)) }, { environment: 'production', config: env(), severity: {} });
    expect(e.rows.find((r) => r.subject === 'target error rate')!.value).toBe('10 % (95 % interval 5.52 %–17.44 %; 10 non-2xx, 0 socket errors, 0 timeouts of 100)');
  });

  it('a p95 from fewer than 20 successful responses is a note, not a budget verdict', () => {
    const r = req({ requests: 19, responses: 19, latencyMs: { count: 19, min: 1, mean: 3000, p50: 3000, p90: 5000, p95: 5000, p99: 5000, max: 5000 } });
    const e = evaluate({ load: result(r) }, { environment: 'production', config: env(), severity: {} });
    expect(e.findings.map((f) => f.rule)).toEqual(['load-p50']);
    expect(e.rows.find((x) => x.subject === 'target p95')).toMatchObject({ verdict: 'skip', value: '5 s: too few samples (19 of 20 needed)' });
    expect(e.notes).toContain('load: target: too few samples for a p95 (19 successful responses; a p95 needs 20): not judged against its budget');
    expect(e.observed).not.toContain('production:load:target:p95');
    // 20 are enough.
    const twenty = { ...r, requests: 20, responses: 20, latencyMs: { ...r.latencyMs, count: 20 } };
    expect(findings(twenty)).toContainEqual(['target:p95', 'load-p95-critical', 'sev2']);
  });
});

describe('latency from failures is not latency', () => {
  const allFailed = req({
    requests: 200, responses: 200, non2xx: 200, statusCodes: { 503: 200 }, errorRate: 1,
    latencyMs: { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 },
    failedLatencyMs: { count: 200, min: 1, mean: 5, p50: 5, p90: 5.1, p95: 5.115, p99: 6, max: 7 },
  });
  it('with no successful response the p95 and p50 rows say so, and only the error rate is judged', () => {
    const e = evaluate({ load: result(allFailed) }, { environment: 'production', config: env(), severity: {} });
    expect(e.findings.map((f) => f.rule)).toEqual(['load-error-rate-critical']);
    expect(e.rows.filter((r) => /p95|p50/.test(r.subject)).map((r) => [r.subject, r.value, r.verdict])).toEqual([
      ['target p95', 'no successful response (200 of 200 failed)', 'skip'],
      ['target p50', 'no successful response (200 of 200 failed)', 'skip'],
    ]);
    expect(e.rows.find((r) => r.subject === 'target failed responses')!.value).toBe('200: p50 5.0 ms, p95 5.1 ms, max 7.0 ms (not latency: kept apart)');
    expect(e.rows.map((r) => r.value).join(' ')).not.toMatch(/^ok|p95: 5/);
  });
  it('and no regression is judged on it', () => {
    expect(findings(allFailed, {}, [400, 410, 390])).toEqual([['target:error-rate', 'load-error-rate-critical', 'sev2']]);
  });
});

describe('regression against the baseline', () => {
  it.each([
    ['no baseline: budgets alone', undefined, 500, []],
    ['within the band', [400, 410, 390], 480, []],
    ['beyond the band and floor', [400, 410, 390], 600, [['p95-regression', 'load-regression', 'sev3']]],
    ['noisy baseline: inside the noise', [300, 500, 250, 480, 320, 450, 400], 600, []],
    ['over budget: the budget finding, not a regression too', [400, 410, 390], 2500, [['target:p95', 'load-p95', 'sev3']]],
  ] as const)('%s', (_n, base, p95, expected) => {
    expect(findings(req({ p95 }), {}, base ? [...base] : undefined)).toEqual(expected);
  });
});

describe('percentiles never read above the recorded max', () => {
  it('HDR bucket tops are clamped to the max', async () => {
    const { createHistogram, recordMs, summarize } = await import('../../src/scale/histogram.js');
    const h = createHistogram();
    for (let i = 0; i < 100; i++) recordMs(h, 123.457);
    const s = summarize(h);
    expect(s.max).toBe(123.457);
    expect([s.p50, s.p90, s.p95, s.p99, s.mean]).toEqual([123.457, 123.457, 123.457, 123.457, 123.457]);
  });
});
