import { describe, expect, it } from 'vitest';
import { baselineOf, judgeRegression, type BaselineEntry } from '../../src/baseline/stats.js';

// Issue 11: the README states that the noise band uses the raw MAD (not scaled by 1.4826).
const runs = (p95s: number[]): BaselineEntry[] => p95s.map((p95, i) => ({ at: `2026-11-0${i + 1}T00:00:00Z`, passed: true, p50: 1, p90: 1, p95, p99: 1, max: 1, errorRate: 0, rps: 1, requests: 1 }));

describe('the noise band uses the raw median absolute deviation', () => {
  it('p95s 10, 20, 30, 40, 100: median 30, raw MAD 10 (not 14.826), band max(25 % × 30, 3 × 10) = 30 ms', () => {
    const b = baselineOf(runs([10, 20, 30, 40, 100]), 10)!;
    expect(b.p95).toBe(30);
    expect(b.p95Mad).toBe(10);
    expect(judgeRegression(61, b, { thresholdPct: 25, floorMs: 20 }).bandMs).toBe(30);
    expect(judgeRegression(60, b, { thresholdPct: 25, floorMs: 20 }).regressed).toBe(false);
    expect(judgeRegression(61, b, { thresholdPct: 25, floorMs: 20 }).regressed).toBe(true);
  });
});
