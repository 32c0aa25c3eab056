import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../src/checks/check.js';
import { evaluateLoad } from '../../src/checks/load/evaluate.js';
import { rate, renderLoad } from '../../src/checks/load/render.js';
import type { LoadRequestResult, LoadResult, StageResult } from '../../src/checks/load/types.js';
import { configSchema } from '../../src/config/schema.js';
import { createHistogram, encodeHistogram, recordMs } from '../../src/scale/histogram.js';
import { mergeShards, toShardResult } from '../../src/scale/shards.js';

const hist = (...ms: number[]) => {
  const h = createHistogram();
  for (const m of ms) recordMs(h, m);
  return encodeHistogram(h);
};
const stage = (over: Partial<StageResult>): StageResult => ({
  from: 10 / 60, target: 10 / 60, durationMs: 1000, expected: 0.167, requests: 1, dropped: 0, achievedRate: 1, histogram: hist(2), latencyMs: { count: 1, min: 2, mean: 2, p50: 2, p90: 2, p95: 2, p99: 2, max: 2 }, ...over,
});
const ctx: EvalContext = { environment: 'production', config: configSchema.parse({ environments: { production: { load: { 'arrival-rate': '10/m', duration: '1s' } } } }).environments.production!, severity: {} };
const req = (over: Partial<LoadRequestResult> = {}): LoadRequestResult => ({
  name: 'target', method: 'GET', url: 'http://127.0.0.1:1/', connections: 500, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 1000,
  requests: 1, responses: 1, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 1 }, errorRate: 0, requestsPerSecond: 1,
  latencyMs: { count: 1, min: 2, mean: 2, p50: 2, p90: 2, p95: 2, p99: 2, max: 2 }, histogram: hist(2), latencyFrom: 'intended',
  model: 'open', targetRate: 10 / 60, dropped: 0, stages: [stage({})], ...over,
});
const load = (r: LoadRequestResult): LoadResult => ({ connections: 500, durationMs: 1000, warmupMs: 0, model: 'open', maxInFlight: 500, requests: [r], overall: { ...r, name: 'all' } });
const text = (l: LoadResult) => JSON.stringify(renderLoad(evaluateLoad(l, ctx), ctx));

describe('open model: rates and notes as read (issue 18 review)', () => {
  it('per-minute rates are rounded to significant digits, never to 0/s', () => {
    expect(rate(1 / 60)).toBe(0.0167);
    expect(rate(0.16666666666666669)).toBe(0.167);
    expect(rate(50)).toBe(50);
    expect(rate(1234.56)).toBe(1234.6);
    expect(rate(0)).toBe(0);
    const t = text(load(req()));
    expect(t).not.toMatch(/0\.1666666/);
    expect(t).toMatch(/stage 1 \(0\.167\/s/);
  });

  it('dropped requests: named in the error-rate breakdown, and a note says they count in the percentiles at timeout', () => {
    const t = text(load(req({ requests: 11, dropped: 10, errorRate: 10 / 11, stages: [stage({ dropped: 10 })] })));
    expect(t).toMatch(/, 10 dropped of 11/);
    expect(t).toMatch(/10 dropped requests counts in the latency percentiles at `timeout`/);
  });

  it('the generator\'s own lag above 10 ms is a note; below it, none', () => {
    expect(text(load(req({ sendLagMs: { p99: 400, max: 950 } })))).toMatch(/generator itself sent requests up to 950 ms late/);
    expect(text(load(req({ sendLagMs: { p99: 1, max: 3 } })))).not.toMatch(/generator itself/);
  });

  it('a merge is open-model when any part is (not only the first)', () => {
    const spec = (index: number) => ({ index, count: 2 });
    const { model: _m, targetRate: _t, dropped: _d, stages: _s, ...closed } = req({ requests: 0, responses: 0, statusCodes: {}, idle: 'sends nothing', histogram: encodeHistogram(createHistogram()), latencyMs: { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 } });
    const parts = [load(closed as LoadRequestResult), load(req())].map((l, i) => ({ result: toShardResult(l, spec(i + 1), 'production', 'h'), source: `shard ${i + 1}` }));
    expect(mergeShards(parts).load.overall.model).toBe('open');
  });

  it('a shard that dropped requests merges: its histogram holds responses plus dropped (each at timeout)', () => {
    const spec = (index: number) => ({ index, count: 2 });
    const dropping = req({ requests: 3, responses: 1, dropped: 2, histogram: hist(2, 10_000, 10_000), latencyMs: { count: 3, min: 2, mean: 6667, p50: 10_000, p90: 10_000, p95: 10_000, p99: 10_000, max: 10_000 } });
    const parts = [load(dropping), load(req())].map((l, i) => ({ result: toShardResult(l, spec(i + 1), 'production', 'h'), source: `shard ${i + 1}` }));
    const o = mergeShards(parts).load.overall;
    expect(o.dropped).toBe(2);
    expect(o.latencyMs.count).toBe(4);
  });
});
