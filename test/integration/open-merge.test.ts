import { afterEach, describe, expect, it } from 'vitest';
import { openVerdicts } from '../../src/checks/load/evaluate.js';
import { runLoad } from '../../src/checks/load/run.js';
import type { LoadConfig } from '../../src/checks/load/schema.js';
import type { LoadResult } from '../../src/checks/load/types.js';
import { configSchema } from '../../src/config/schema.js';
import { systemClock } from '../../src/ports.js';
import { medianOfSamples } from '../../src/scale/samples.js';
import { configHash, mergeShards, shardLoad, toShardResult } from '../../src/scale/shards.js';
import { httpServer, type Running } from '../helpers/servers.js';

const loadOf = (raw: Record<string, unknown>): LoadConfig => configSchema.parse({ environments: { t: { load: raw } } }).environments.t!.load!;
const run = (url: string, cfg: LoadConfig) => runLoad(cfg, { baseUrl: url }, systemClock, () => new Date());

let server: Running | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

describe('open model: samples and shards', () => {
  it('gate samples: the arrival rate achieved is per run, not the sum of the samples', async () => {
    server = await httpServer((_q, s) => s.end('ok'));
    const cfg = loadOf({ 'arrival-rate': '50/s', duration: '1s' });
    const samples: LoadResult[] = [];
    for (let i = 0; i < 3; i++) samples.push(await run(server.url, cfg));
    const merged = medianOfSamples(samples);
    const arrival = openVerdicts(merged).find((v) => v.kind === 'arrival')!;
    console.log(JSON.stringify(arrival), JSON.stringify(merged.overall.stages?.map((s) => ({ r: s.requests, e: s.expected, a: s.achievedRate, d: s.durationMs }))));
    expect(arrival.kind === 'arrival' && arrival.achievedRate).toBe(50); // today: 150 (300 % of the target)
  });

  it('shards 1..7 of 10/s with stages: each stage\'s targets and counts add up exactly; a 0-share shard is idle', async () => {
    server = await httpServer((_q, s) => s.end('ok'));
    const cfg = loadOf({ 'arrival-rate': '0/s', stages: [{ duration: '1s', target: '10/s' }, { duration: '1s', target: '3/s' }] });
    const parts = [];
    for (let i = 1; i <= 7; i++) {
      const slice = shardLoad(cfg, { index: i, count: 7 });
      const r = await run(server.url, slice);
      parts.push({ result: toShardResult(r, { index: i, count: 7 }, 't', configHash('t', cfg)), source: `shard ${i}` });
    }
    const m = mergeShards(parts).load;
    const st = m.overall.stages!;
    console.log(JSON.stringify(st.map((s) => ({ from: s.from, t: s.target, e: s.expected, r: s.requests }))));
    expect(st.map((s) => s.target)).toEqual([10, 3]);
    // unsplit: the plan starts 5 + 7 = 12 requests (integral 5 then 6.5 → ceil)
    expect(st.reduce((a, s) => a + s.requests, 0)).toBe(12);
  });

  it('shard 7/7 of 3/s is idle, not an outage', async () => {
    server = await httpServer((_q, s) => s.end('ok'));
    const slice = shardLoad(loadOf({ 'arrival-rate': '3/s', duration: '1s' }), { index: 7, count: 7 });
    const r = await run(server.url, slice);
    console.log(JSON.stringify({ idle: r.overall.idle, err: r.overall.errorRate, req: r.overall.requests }));
    expect(r.overall.idle).toBeDefined();
    expect(r.overall.errorRate).toBe(0);
  });
});
