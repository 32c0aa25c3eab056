import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { type LoadConfig } from '../../src/checks/load/schema.js';
import { appendEntry, baselineOf, judgeRegression, loadConfigHash, type BaselineEntry, type History } from '../../src/baseline/stats.js';
import { historyEntry } from '../../src/baseline/policy.js';
import type { ResultRow } from '../../src/core/types.js';
import type { LoadResult } from '../../src/checks/load/types.js';
import type { Report, ReportFinding } from '../../src/report/report.js';

// Issue 10, section 5: the baseline does not absorb regressions, and compares like with like.
const loadOf = (raw: Record<string, unknown>): LoadConfig => configSchema.parse({ environments: { p: { load: raw } } }).environments.p!.load!;
const cfg = loadOf({ connections: 10, rate: 100, duration: '10s', requests: [{ name: 'plans', path: '/plans' }] });
const key = { configHash: loadConfigHash(cfg), origin: 'https://api.example.com' };

const entry = (p95: number, over: Partial<BaselineEntry> = {}): BaselineEntry => ({
  at: '2026-11-01T00:00:00Z', passed: true, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95, errorRate: 0, rps: 100, requests: 1000, ...key, ...over,
});

const load = (p95: number) => {
  const r = { name: 'all', method: 'GET', url: 'https://api.example.com/plans', connections: 10, startedAt: '2026-11-01T00:00:00Z', elapsedMs: 10_000, requests: 1000, responses: 1000, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {}, errorRate: 0, requestsPerSecond: 100, latencyMs: { count: 1000, min: 1, mean: p95, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95 }, histogram: 'x' };
  return { connections: 10, durationMs: 10_000, warmupMs: 0, requests: [r], overall: r } as LoadResult;
};
const report = (findings: Partial<ReportFinding>[], status: 'pass' | 'fail', rows: Partial<ResultRow>[] = []): Report =>
  ({ startedAt: '2026-11-02T00:00:00Z', findings, rows, verdict: { status, worstSeverity: 'sev3', failOn: 'sev2', findingsCount: findings.length } }) as unknown as Report;

describe('loadConfigHash', () => {
  it.each([
    ['connections', { connections: 20 }],
    ['rate', { rate: 50 }],
    ['duration', { duration: '20s' }],
    ['a request path', { requests: [{ name: 'plans', path: '/plans?x=1' }] }],
    ['another request', { requests: [{ name: 'plans', path: '/plans' }, { name: 'me', path: '/me' }] }],
  ])('changes with %s', (_n, over) => {
    expect(loadConfigHash(loadOf({ connections: 10, rate: 100, duration: '10s', requests: [{ name: 'plans', path: '/plans' }], ...over }))).not.toBe(key.configHash);
  });
  it('does not change with budgets or headers (a rotated token keeps the baseline)', () => {
    expect(loadConfigHash(loadOf({ connections: 10, rate: 100, duration: '10s', budgets: { p95: '1s' }, requests: [{ name: 'plans', path: '/plans', headers: { Authorization: 'Bearer new' } }] }))).toBe(key.configHash);
  });
});

describe('the baseline uses only comparable runs without load findings', () => {
  it('a run with a SEV3 load finding is recorded as not passed, though it passes fail-on sev2', () => {
    const regressed = historyEntry(report([{ check: 'load', rule: 'load-regression', severity: 'sev3' }], 'pass'), load(300), key);
    expect(regressed).toMatchObject({ passed: false, configHash: key.configHash, origin: key.origin });
    expect(historyEntry(report([{ check: 'health', rule: 'health-latency', severity: 'sev3' }], 'pass'), load(100), key).passed).toBe(true);
  });

  it('a load finding folded into a health outage still keeps the run out of the baseline (its row failed)', () => {
    const outage = report([{ check: 'health', rule: 'health-failed', severity: 'sev1' }], 'fail', [{ check: 'load', subject: 'plans error rate', verdict: 'fail' }]);
    expect(historyEntry(outage, load(100), key).passed).toBe(false);
  });

  it('a run without one successful response has no latency for the baseline', () => {
    const none = load(0);
    const l = { ...none, overall: { ...none.overall, latencyMs: { ...none.overall.latencyMs, count: 0 } } };
    expect(historyEntry(report([], 'pass'), l, key).passed).toBe(false);
  });

  it('runs that regressed do not move the baseline up to the regression', () => {
    let h: History | undefined;
    for (let i = 0; i < 5; i++) h = appendEntry(h, 'p', entry(100), 100);
    // Ten regressed runs at 3× the baseline: each has a load finding, so none enters the baseline.
    for (let i = 0; i < 10; i++) {
      const b = baselineOf(h!.entries, 10, key)!;
      const v = judgeRegression(300, b, { thresholdPct: 25, floorMs: 20 });
      expect(v.regressed).toBe(true);
      h = appendEntry(h, 'p', historyEntry(report([{ check: 'load', rule: 'load-regression', severity: 'sev3' }], 'pass'), load(300), key), 100);
    }
    expect(baselineOf(h!.entries, 10, key)!.p95).toBe(100);
  });

  it('entries of another load config or another origin, and old entries without a hash, are not compared', () => {
    const entries = [entry(50, { configHash: 'other' }), entry(60, { origin: 'https://old.example.com' }), entry(70, { configHash: undefined, origin: undefined }), entry(100)];
    expect(baselineOf(entries, 10, key)!.runs.map((r) => r.p95)).toEqual([100]);
    // A gate compares a preview (another origin) with the same load config.
    expect(baselineOf(entries, 10, { configHash: key.configHash })!.runs.map((r) => r.p95)).toEqual([60, 100]);
    expect(baselineOf([entry(50, { configHash: 'other' })], 10, key)).toBeUndefined();
  });
});
