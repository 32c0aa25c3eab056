import { describe, expect, it } from 'vitest';
import { appendEntry, baselineOf, judgeRegression, parseHistory, type BaselineEntry } from '../../src/baseline/stats.js';

const e = (p95: number, passed = true, i = 0): BaselineEntry => ({
  at: `2026-11-${String(1 + i).padStart(2, '0')}T00:00:00Z`, passed, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95, errorRate: 0, rps: 100, requests: 1000,
});
const series = (p95s: number[]) => p95s.map((v, i) => e(v, true, i));
const rule = { thresholdPct: 25, floorMs: 20 };

describe('baseline: the median of the last K passing runs', () => {
  it('skips failed runs and keeps the last K', () => {
    const entries = [e(900, true, 0), e(100, true, 1), e(5000, false, 2), e(110, true, 3), e(120, true, 4)];
    const b = baselineOf(entries, 3)!;
    expect(b.runs.map((r) => r.p95)).toEqual([100, 110, 120]);
    expect(b.p95).toBe(110);
    expect(b.p95Mad).toBe(10);
  });
  it('has none before the first passing run', () => {
    expect(baselineOf([e(100, false)], 10)).toBeUndefined();
    expect(baselineOf([], 10)).toBeUndefined();
  });
});

describe('regression: over max(threshold, 3 × MAD) and over the floor', () => {
  it.each([
    // name, history p95s, this run's p95, regressed?
    ['within the 25 % band', [100, 100, 100], 124, false],
    ['beyond the 25 % band and the floor', [100, 100, 100], 130, true],
    ['beyond 25 % but under the 20 ms floor', [40, 40, 40], 55, false],
    ['beyond 25 % and over the floor on a fast service', [40, 40, 40], 61, true],
    ['a noisy baseline widens the band: p95 inside the noise does not alarm', [100, 160, 80, 150, 90, 140, 100], 155, false],
    ['a noisy baseline still catches a real slowdown', [100, 160, 80, 150, 90, 140, 100], 300, true],
    ['3× slower', [50, 52, 49], 150, true],
    ['faster is never a regression', [100, 100], 20, false],
  ] as const)('%s', (_n, history, p95, regressed) => {
    const b = baselineOf(series([...history]), 10)!;
    const v = judgeRegression(p95, b, rule);
    expect(v.regressed).toBe(regressed);
    expect(v.bandMs).toBe(Math.max(0.25 * b.p95, 3 * b.p95Mad));
  });
});

describe('history', () => {
  it('appends and keeps at most N, oldest dropped', () => {
    let h = appendEntry(undefined, 'production', e(1), 2);
    h = appendEntry(h, 'production', e(2), 2);
    h = appendEntry(h, 'production', e(3), 2);
    expect(h.entries.map((x) => x.p95)).toEqual([2, 3]);
    expect(h).toMatchObject({ schema: 'launchguard.history/v1', environment: 'production' });
  });
  it('refuses a corrupt history with a sentence saying where', () => {
    expect(() => parseHistory('{nope', 'branch x')).toThrow('branch x is not valid JSON');
    expect(() => parseHistory('{"schema":"other"}', 'branch x')).toThrow(/branch x is not a launchguard history \(schema:/);
  });
});
