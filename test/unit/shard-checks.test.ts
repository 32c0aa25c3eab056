import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram, recordMs } from '../../src/scale/histogram.js';
import { configHash, mergeShards, shardLoad, type ShardResult } from '../../src/scale/shards.js';
import { configSchema } from '../../src/config/schema.js';

// Issue 11: the merge validates each shard, and every error names the shard.
function shard(index: number, count: number, over: Partial<ShardResult['requests'][number]> = {}, top: Partial<ShardResult> = {}): ShardResult {
  const h = createHistogram();
  for (let i = 0; i < 10; i++) recordMs(h, 5 + i);
  return {
    schema: 'launchguard.shard/v1', shard: { index, count }, environment: 'production', configHash: 'abc',
    requests: [{
      name: 'plans', method: 'GET', url: 'http://127.0.0.1:1/plans', connections: 2, startedAt: '2026-11-28T12:00:00.000Z', elapsedMs: 5000,
      requests: 10, responses: 10, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 10 }, histogram: encodeHistogram(h), ...over,
    }],
    ...top,
  };
}
const set = (...list: ShardResult[]) => list.map((result, i) => ({ result, source: `output shard-${i + 1}` }));

describe('merge: each shard is checked', () => {
  it.each([
    ['index outside 1..N', set(shard(1, 2), shard(3, 2)), /shards: output shard-2 \(shard 3\/2\): the index 3 is outside 1\.\.2/],
    ['count differs', set(shard(1, 2), shard(2, 3)), /output shard-2 is shard 2\/3, but output shard-1 says there are 2 shards/],
    ['unparseable timestamp', set(shard(1, 2), shard(2, 2, { startedAt: 'yesterday' })), /output shard-2 \(shard 2\/2\): request "plans" has a start time that is not a timestamp: "yesterday"/],
    ['more responses than requests', set(shard(1, 2), shard(2, 2, { requests: 9 })), /output shard-2 \(shard 2\/2\): request "plans" counts 10 responses but only 9 requests/],
    ['histogram count differs from the counters', set(shard(1, 2, { responses: 12, requests: 12 }), shard(2, 2)), /output shard-1 \(shard 1\/2\): the histograms of request "plans" hold 10 latencies, but the counters say 12/],
  ])('%s', (_name, list, message) => {
    expect(() => mergeShards(list)).toThrow(message);
  });

  it("a config hash other than the merge run's own names the shard", () => {
    expect(() => mergeShards(set(shard(1, 2), shard(2, 2)), { configHash: 'zzz' })).toThrow(/output shard-1 \(shard 1\/2\): ran a different load config or environment than this merge run's own/);
    expect(() => mergeShards(set(shard(1, 2), shard(2, 2)), { configHash: 'abc' })).not.toThrow();
  });

  it("a target other than the merge run's names the shard", () => {
    const urls = new Map([['plans', 'https://api.example.com/plans']]);
    expect(() => mergeShards(set(shard(1, 2), shard(2, 2)), { configHash: 'abc', urls })).toThrow(/output shard-1 \(shard 1\/2\): request "plans" went to http:\/\/127\.0\.0\.1:1\/plans, but this merge run's target gives https:\/\/api\.example\.com\/plans/);
  });

  it('shards whose windows do not overlap are merged with a note: not concurrent', () => {
    const { notes } = mergeShards(set(shard(1, 2), shard(2, 2, { startedAt: '2026-11-28T12:00:06.000Z' })));
    expect(notes.join('\n')).toMatch(/^shards: not concurrent: the load was sequential \(shard 2\/2 started 2026-11-28T12:00:06\.000Z/);
    expect(mergeShards(set(shard(1, 2), shard(2, 2, { startedAt: '2026-11-28T12:00:01.000Z' }))).notes).toEqual([]);
  });

  it('latency from the intended send time survives the merge', () => {
    const { load } = mergeShards(set(shard(1, 2, { latencyFrom: 'intended' }), shard(2, 2, { latencyFrom: 'intended' })));
    expect(load.overall.latencyFrom).toBe('intended');
    expect(load.overall.latencyMs.count).toBe(20);
  });
});

describe('shardLoad: the slices of a cap never sum above it', () => {
  const load = (raw: Record<string, unknown>) => configSchema.parse({ environments: { t: { load: raw } } }).environments.t!.load!;
  it.each([
    [5, 8], [1, 3], [7, 7], [100, 3], [3, 256],
  ])('rate and amount %i over %i shards', (total, n) => {
    const cfg = load({ rate: total, amount: total, connections: 1 });
    const slices = Array.from({ length: n }, (_, i) => shardLoad(cfg, { index: i + 1, count: n }));
    expect(slices.reduce((a, s) => a + s.rate!, 0)).toBe(total);
    expect(slices.reduce((a, s) => a + s.amount!, 0)).toBe(total);
    expect(slices.every((s) => s.connections >= 1)).toBe(true);
  });
  it('the config hash differs when the config does', () => {
    expect(configHash('p', load({ rate: 5 }))).not.toBe(configHash('p', load({ rate: 6 })));
  });
});
