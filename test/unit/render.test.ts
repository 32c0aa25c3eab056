import { describe, expect, it } from 'vitest';
import type { BaselineEntry } from '../../src/baseline/stats.js';
import type { LoadRequestResult } from '../../src/checks/load/types.js';
import { renderMarkdown, renderText, renderTrend } from '../../src/report/render.js';
import { REPORT_SCHEMA, withTargets, type Report } from '../../src/report/report.js';

const overall: LoadRequestResult = {
  name: 'all', method: 'GET', url: 'http://127.0.0.1:1/', connections: 2, startedAt: '2026-11-28T12:00:00Z', elapsedMs: 1000,
  requests: 100, responses: 100, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 100 }, errorRate: 0,
  requestsPerSecond: 100, latencyMs: { count: 100, min: 1, mean: 10, p50: 10, p90: 20, p95: 20, p99: 30, max: 40 }, histogram: 'x',
};
const entry = (at: string): BaselineEntry => ({ at, passed: true, p50: 10, p90: 20, p95: 20, p99: 30, max: 40, errorRate: 0, rps: 100, requests: 100 });
const report = (history: BaselineEntry[], over: Partial<Report> = {}): Report => ({
  schema: REPORT_SCHEMA, startedAt: '2026-11-28T12:00:00Z', finishedAt: '2026-11-28T12:00:01Z', durationMs: 1000, environment: 'production', target: 'http://127.0.0.1:1',
  mode: 'monitor', checks: ['load'], verdict: { status: 'pass', worstSeverity: 'none', failOn: 'sev2', findingsCount: 0 }, findings: [], rows: [], notes: [], observed: [],
  results: { load: { connections: 2, durationMs: 1000, warmupMs: 0, requests: [overall], overall } }, history, ...over,
});
const labels = (md: string) => /x-axis \[(.*)\]/.exec(md)?.[1];

describe('the load trend', () => {
  it.each([
    ['no history: one point, no chart, the numbers only', [], undefined, ['| now |']],
    ['runs on different days: the day', [entry('2026-11-26T03:00:00Z'), entry('2026-11-27T03:00:00Z')], '"11-26", "11-27", "now"', []],
    ['runs that share a day: the day and the time', [entry('2026-11-28T03:00:00Z'), entry('2026-11-28T03:15:00Z')], '"11-28 03:00", "11-28 03:15", "now"', ['| 11-28 03:15 |']],
    ['one past run on the day of this run: the time too', [entry('2026-11-28T09:30:00Z')], '"11-28 09:30", "now"', []],
  ] as const)('%s', (_name, history, axis, contains) => {
    const md = renderTrend(report([...history]))!;
    expect(labels(md)).toBe(axis);
    if (axis === undefined) expect(md).not.toContain('mermaid');
    for (const c of contains) expect(md).toContain(c);
  });
});

describe('one outage, one finding: the related findings under it', () => {
  const f = withTargets([{
    fingerprint: 'production:health:api', environment: 'production', check: 'health', subject: 'api', rule: 'health-failed', severity: 'sev1',
    title: 'production: health probe api failing', detail: 'GET http://127.0.0.1:1/health: status: HTTP 503',
    related: ['SEV2 load error rate over budget on plans: error rate of GET http://127.0.0.1:1/plans is 100 % <b>x</b>'],
  }]);
  const r = report([], { findings: f, verdict: { status: 'fail', worstSeverity: 'sev1', failOn: 'sev2', findingsCount: 1 } });
  it('the summary lists them under the finding, escaped', () => {
    expect(renderMarkdown(r)).toContain('| | ↳ same outage | SEV2 load error rate over budget on plans: error rate of GET http://127.0.0.1:1/plans is 100 % &lt;b&gt;x&lt;/b&gt; | | |');
  });
  it('the CLI text too', () => {
    expect(renderText(r)).toContain('        same outage: SEV2 load error rate over budget on plans');
  });
});

describe('numbers rounded for people', () => {
  it('the baseline line', async () => {
    const { describeBaseline } = await import('../../src/baseline/read.js');
    const line = describeBaseline({ where: 'branch launchguard-data', runs: 3, from: '2026-11-26T00:00:00Z', to: '2026-11-28T00:00:00Z', p50: 10.123456, p95: 21.987654321, p95Mad: 1.975999999999999, p99: 30, errorRate: 0, rps: 10 });
    expect(line).toBe('median of 3 passing runs (2026-11-26 to 2026-11-28): p95 22 ms ± 2.0 ms MAD, from branch launchguard-data');
  });
});

describe('a load run without a successful response in the trend (review finding)', () => {
  it('reads "no successful response" and passed no, never "0 ms … yes"', () => {
    const down: LoadRequestResult = { ...overall, non2xx: 100, statusCodes: { 503: 100 }, errorRate: 1, latencyMs: { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 } };
    const past: BaselineEntry = { ...entry('2026-11-27T03:00:00Z'), passed: false, p50: 0, p90: 0, p95: 0, p99: 0, errorRate: 1 };
    const md = renderTrend(report([past], { results: { load: { connections: 2, durationMs: 1000, warmupMs: 0, requests: [down], overall: down } } }))!;
    expect(md).toContain('| now |  | no successful response | 100 % | 100 | no |');
    expect(md).toContain('| 11-27 |  | no successful response | 100 % | 100 | no |');
  });
});
