import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { computeVerdict } from '../../src/core/verdict.js';
import type { LoadRequestResult, LoadResult } from '../../src/checks/load/types.js';
import { renderGateComment } from '../../src/gate/render.js';
import { REPORT_SCHEMA, withTargets, type Report } from '../../src/report/report.js';

// Issue 11: the gate table shows each request's own budget next to its own verdict.
const req = (name: string, p95: number): LoadRequestResult => ({
  name, method: 'GET', url: `http://127.0.0.1:1/${name}`, connections: 5, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 10_000,
  requests: 1000, responses: 1000, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 1000 }, errorRate: 0, requestsPerSecond: 100,
  latencyMs: { count: 1000, min: 1, mean: 10, p50: 10, p90: p95, p95, p99: p95, max: p95 }, histogram: 'x',
});

function comment(requests: LoadRequestResult[], loadCfg: Record<string, unknown>): string {
  const env = configSchema.parse({ environments: { production: { load: loadCfg } } }).environments.production!;
  const load: LoadResult = { connections: 10, durationMs: 10_000, warmupMs: 0, requests, overall: { ...requests[0]!, name: 'all', latencyMs: { ...requests[0]!.latencyMs, p95: 400 } } };
  const e = evaluate({ load }, { environment: 'production', config: env, severity: {} });
  const report: Report = {
    schema: REPORT_SCHEMA, startedAt: '', finishedAt: '', durationMs: 0, environment: 'production', target: 'http://127.0.0.1:1', mode: 'gate', checks: ['load'],
    verdict: computeVerdict(e.findings, 'sev4'), findings: withTargets(e.findings), rows: e.rows, ...(e.facts ? { facts: e.facts } : {}), notes: e.notes, results: { load }, observed: e.observed,
  };
  return renderGateComment(report);
}

describe('gate table budgets', () => {
  const cfg = {
    budgets: { p95: '2s' },
    requests: [{ name: 'search', path: '/search', budgets: { p95: '100ms' } }, { name: 'home', path: '/' }],
  };

  it('two requests: each row has its own budget and its own verdict', () => {
    // search breaks its own 100 ms budget at 150 ms; home is within the environment's 2 s at 500 ms.
    const body = comment([req('search', 150), req('home', 500)], cfg);
    expect(body).toContain('| search | 10 ms | 150 ms | 0 % | < 500 ms / < 100 ms / < 1 % | ❌ |');
    expect(body).toContain('| home | 10 ms | 500 ms | 0 % | < 500 ms / < 2 s / < 1 % | ✅ |');
    // The overall row does not put the environment's budget next to search's verdict.
    expect(body).toMatch(/\| p95 \| — \| 400 ms \| — \| per request, below \|  \|/);
  });

  it('no successful response: the latency cells say so, never the 0 ms of an empty histogram', () => {
    const failed: LoadRequestResult = { ...req('search', 150), non2xx: 1000, statusCodes: { 503: 1000 }, errorRate: 1, latencyMs: { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 } };
    const body = comment([failed], { requests: [{ name: 'search' }] });
    expect(body).toMatch(/\| p95 \| — \| no successful response \| — \|/);
    expect(body).not.toMatch(/\| 0 ms \|/);
  });

  it('one request: the overall row carries that request\'s own budget', () => {
    const body = comment([req('search', 150)], { budgets: { p95: '2s' }, requests: [{ name: 'search', budgets: { p95: '100ms' } }] });
    expect(body).toMatch(/\| p95 \| — \| 400 ms \| — \| < 100 ms \| ❌ \|/);
  });
});
