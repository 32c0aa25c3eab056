import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { baselineOf, type BaselineEntry } from '../../src/core/baseline.js';
import { evaluate, resolveBudgets } from '../../src/core/evaluate.js';
import type { LoadRequestResult, LoadResult } from '../../src/core/types.js';

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
  return evaluate({ load: result(r) }, { environment: 'production', env: e, severity: {}, ...(baseline ? { baseline } : {}) }).findings.map((f) => [f.subject, f.rule, f.severity]);
}

describe('load budgets and severities (the guide\'s defaults: p50 500 ms, p95 2 s, errors 1 %)', () => {
  it.each([
    ['within budget', req(), []],
    ['p95 over budget', req({ p95: 2100 }), [['target:p95', 'load-p95', 'sev3']]],
    ['p95 over 2 × budget', req({ p95: 4100 }), [['target:p95', 'load-p95-critical', 'sev2']]],
    ['p50 over budget', req({ p50: 600 }), [['target:p50', 'load-p50', 'sev3']]],
    ['error rate 2 %', req({ errorRate: 0.02, non2xx: 20 }), [['target:error-rate', 'load-error-rate', 'sev3']]],
    ['error rate exactly 1 %', req({ errorRate: 0.01, non2xx: 10 }), []],
    ['error rate 6 %', req({ errorRate: 0.06, non2xx: 60 }), [['target:error-rate', 'load-error-rate-critical', 'sev2']]],
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
    const e = evaluate({ load: result(req({ responses: 0, requests: 1, socketErrors: 1, errorRate: 1 })) }, { environment: 'production', env: env(), severity: {} });
    expect(e.rows.map((r) => r.value)).toEqual(['none of 1 (timeout)']);
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
