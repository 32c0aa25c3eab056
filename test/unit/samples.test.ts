import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, recordMs } from '../../src/scale/histogram.js';
import { medianOfSamples } from '../../src/scale/samples.js';
import type { LoadRequestResult, LoadResult } from '../../src/checks/load/types.js';

function sample(p95: number, errorRate: number, latencies: number[]): LoadResult {
  const h = createHistogram();
  for (const l of latencies) recordMs(h, l);
  const r: LoadRequestResult = {
    name: 'all', method: 'GET', url: 'http://127.0.0.1:1/', connections: 2, startedAt: 'x', elapsedMs: 1000, requests: latencies.length,
    responses: latencies.length, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: latencies.length }, errorRate, requestsPerSecond: latencies.length,
    latencyMs: { count: latencies.length, min: 1, mean: p95, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95 }, histogram: encodeHistogram(h),
  };
  return { connections: 2, durationMs: 1000, warmupMs: 0, requests: [r], overall: r };
}

describe('gate samples', () => {
  it('one outlier sample does not move the medians; counts add up; histograms merge exactly', () => {
    const m = medianOfSamples([sample(20, 0, [1, 2]), sample(900, 0.5, [3]), sample(22, 0, [4, 5, 6])]);
    expect(m.overall.latencyMs.p95).toBe(22);
    expect(m.overall.errorRate).toBe(0);
    expect(m.overall.responses).toBe(6);
    expect(decodeHistogram(m.overall.histogram).totalCount).toBe(6);
    expect(m.perSample!.map((s) => s.p95)).toEqual([20, 900, 22]);
  });
  it('a single sample is returned as it is', () => {
    const one = sample(10, 0, [1]);
    expect(medianOfSamples([one])).toBe(one);
  });
});
