import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram, recordMs, summarize } from '../../src/scale/histogram.js';
import { mergeShards, parseShard, unionMs, type ShardResult } from '../../src/scale/shards.js';

/** A recorded latency set, deterministic but irregular: a long tail and sub-millisecond values. */
const latencies = Array.from({ length: 6000 }, (_, i) => 0.3 + ((i * 7919) % 1000) / 10 + (i % 97 === 0 ? 400 : 0));

function shardOf(values: number[], index: number, count: number, over: Partial<ShardResult> = {}): ShardResult {
  const h = createHistogram();
  for (const v of values) recordMs(h, v);
  return {
    schema: 'launchguard.shard/v1', shard: { index, count }, environment: 'production', configHash: 'abc',
    requests: [{
      name: 'plans', method: 'GET', url: 'http://127.0.0.1:1/plans', connections: 3, startedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, index)).toISOString(), elapsedMs: 5000,
      requests: values.length + index, responses: values.length, non2xx: 0, socketErrors: index, timeouts: 0, mismatches: 0, statusCodes: { 200: values.length }, histogram: encodeHistogram(h),
    }],
    ...over,
  };
}
const split = (n: number) => Array.from({ length: n }, (_, s) => latencies.filter((_, i) => i % n === s));

describe('merging shards', () => {
  it.each([2, 3, 7])('merged percentiles equal those of the whole set, exactly (%i shards)', (n) => {
    const whole = createHistogram();
    for (const v of latencies) recordMs(whole, v);
    const { load } = mergeShards(split(n).map((values, i) => ({ result: shardOf(values, i + 1, n), source: `shard${i + 1}.json` })));
    const w = summarize(whole);
    const m = load.overall.latencyMs;
    // Percentiles are exact; max reads as its bucket's highest equivalent value (within 0.1 %).
    expect([m.count, m.min, m.p50, m.p90, m.p95, m.p99]).toEqual([w.count, w.min, w.p50, w.p90, w.p95, w.p99]);
    expect(Math.abs(m.max - w.max) / w.max).toBeLessThan(0.001);
    expect(Math.abs(m.mean - w.mean) / w.mean).toBeLessThan(0.001);
    expect(load.overall.responses).toBe(latencies.length);
  });

  it('sums the counters, counts a shard that could not reach the target as errors, and spans the union of the windows', () => {
    const parts = split(3).map((values, i) => ({ result: shardOf(values, i + 1, 3), source: `s${i + 1}` }));
    const { load } = mergeShards(parts);
    expect(load.overall.socketErrors).toBe(1 + 2 + 3);
    expect(load.overall.requests).toBe(latencies.length + 6);
    expect(load.overall.errorRate).toBeCloseTo(6 / (latencies.length + 6), 10);
    expect(load.overall.connections).toBe(9);
    expect(load.overall.elapsedMs).toBe(5000 + 2000); // starts at +1 s, +2 s, +3 s, each 5 s long
    expect(load.overall.requestsPerSecond).toBeCloseTo(latencies.length / 7, 0);
  });

  it.each([
    ['a missing shard', [1, 3], 3, /missing shard 2\/3/],
    ['a duplicate shard', [1, 2, 2, 3], 3, /shard 2\/3 appears twice \(s2 and s3\)/],
  ])('%s is a clear error', (_n, indexes, count, pattern) => {
    const parts = indexes.map((idx, i) => ({ result: shardOf([1, 2], idx, count), source: `s${i + 1}` }));
    expect(() => mergeShards(parts)).toThrow(pattern);
  });

  it('shards of different configs are refused, naming them', () => {
    const parts = [shardOf([1], 1, 2), shardOf([1], 2, 2, { configHash: 'other' })].map((result, i) => ({ result, source: `job ${i + 1}` }));
    expect(() => mergeShards(parts)).toThrow(/job 2 \(shard 2\/2\) ran a different load config or environment than job 1/);
  });

  it('a corrupt histogram string is refused, naming the shard', () => {
    const bad = shardOf([1], 2, 2);
    const parts = [shardOf([1], 1, 2), { ...bad, requests: [{ ...bad.requests[0]!, histogram: 'not-a-histogram' }] }].map((result, i) => ({ result, source: `s${i + 1}` }));
    expect(() => mergeShards(parts)).toThrow(/shards: s2 \(shard 2\/2\): the histogram of request "plans" is corrupt/);
  });

  it('parses i/N and refuses nonsense', () => {
    expect(parseShard('2/3', 'input shard')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('4/3', 'input shard')).toThrow(/input shard: expected "i\/N"/);
    expect(() => parseShard('x', 'input shard')).toThrow(/found "x"/);
  });

  it('the union of time windows counts overlaps once', () => {
    expect(unionMs([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 25 }])).toBe(20);
  });
});
