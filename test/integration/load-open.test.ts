import { afterEach, describe, expect, it } from 'vitest';
import { arrivals, type OpenPlan } from '../../src/checks/load/open-schedule.js';
import { runLoad } from '../../src/checks/load/run.js';
import { openPlanOf, type LoadConfig } from '../../src/checks/load/schema.js';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { createHttpClient } from '../../src/http/client.js';
import { systemClock } from '../../src/ports.js';
import { mergeShards, shardLoad, toShardResult } from '../../src/scale/shards.js';
import { httpServer, type Running } from '../helpers/servers.js';
import { onScheduleLatencies, percentile, perSecondCounts, stallServer } from '../helpers/stall-server.js';

// Issue 18, the open model against real servers on 127.0.0.1. The accuracy checks are ratios
// computed from the server's own log (its arrivals and stall windows), never wall-clock limits.

const envOf = (raw: Record<string, unknown>) => configSchema.parse({ environments: { t: { load: raw } } }).environments.t!;
const loadOf = (raw: Record<string, unknown>): LoadConfig => envOf(raw).load!;
const run = (url: string, cfg: LoadConfig) => runLoad(cfg, { baseUrl: url }, systemClock, () => new Date());

let server: Running | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The schedule's starts counted per second, from the pure plan. */
function scheduledPerSecond(p: OpenPlan): number[] {
  const out: number[] = [];
  for (const t of arrivals(p)) out[Math.floor(t / 1000)] = (out[Math.floor(t / 1000)] ?? 0) + 1;
  return Array.from(out, (v) => v ?? 0);
}

describe('the open model (arrival-rate)', () => {
  it('a server that stalls 1 s every 5 s, at 100/s for 10 s: p99 within 10 % of what clients arriving on schedule see (from the stall log)', async () => {
    const s = await stallServer({ everyMs: 5000, stallMs: 1000, offsetMs: 2000 });
    server = s;
    const r = await run(s.url, loadOf({ 'arrival-rate': '100/s', duration: '10s', 'max-in-flight': 500 }));
    expect(s.stalls).toHaveLength(2);
    expect(r.overall.requests).toBe(1000);
    expect(r.overall.dropped).toBe(0);
    const truth = percentile(onScheduleLatencies(s.arrivals[0]!, 100, 1000, s.stalls), 99);
    expect(truth).toBeGreaterThan(800);
    const p99 = r.overall.latencyMs.p99;
    expect(Math.abs(p99 - truth) / truth).toBeLessThanOrEqual(0.1);
    // The open model kept arriving through the stalls: the server saw the whole schedule.
    expect(s.arrivals).toHaveLength(1000);
    expect(r.overall.latencyFrom).toBe('intended');
  }, 30_000);

  it('the arrival rate the server logs is within 2 % of the target when it keeps up', async () => {
    const s = await stallServer(undefined);
    server = s;
    const r = await run(s.url, loadOf({ 'arrival-rate': '200/s', duration: '5s' }));
    expect(r.overall.errorRate).toBe(0);
    const a = s.arrivals;
    // 1,000 starts 5 ms apart: the span from the first to the last is 999 intervals.
    const achieved = ((a.length - 1) / (a.at(-1)! - a[0]!)) * 1000;
    expect(Math.abs(achieved - 200) / 200).toBeLessThanOrEqual(0.02);
    expect(Math.abs(a.length - 1000) / 1000).toBeLessThanOrEqual(0.02);
    expect(r.overall.stages).toHaveLength(1);
    expect(r.overall.stages![0]).toMatchObject({ target: 200, expected: 1000, requests: 1000, dropped: 0 });
  }, 30_000);

  it('stages ramp as configured: the per-second counts the server logs are within 5 % of the schedule', async () => {
    const s = await stallServer(undefined);
    server = s;
    const cfg = loadOf({ stages: [{ duration: '2s', target: '200/s' }, { duration: '2s', target: '200/s' }, { duration: '2s', target: '0/s' }] });
    const r = await run(s.url, cfg);
    const want = scheduledPerSecond(openPlanOf(cfg));
    expect(want).toEqual([50, 150, 200, 200, 150, 50]);
    const got = perSecondCounts(s.arrivals);
    expect(got).toHaveLength(want.length);
    got.forEach((n, i) => expect(Math.abs(n - want[i]!) / want[i]!, `second ${i}: ${n} vs ${want[i]}`).toBeLessThanOrEqual(0.05));
    expect(r.overall.stages!.map((st) => [st.from, st.target, st.requests])).toEqual([[0, 200, 200], [200, 200, 400], [200, 0, 200]]);
    const judged = evaluate({ load: r }, { environment: 't', config: envOf({ stages: [{ duration: '2s', target: '200/s' }, { duration: '2s', target: '200/s' }, { duration: '2s', target: '0/s' }] }), severity: {} });
    const rows = judged.rows.map((row) => `${row.subject}: ${row.value}`);
    expect(rows.find((x) => x.startsWith('arrival rate'))).toMatch(/^arrival rate: 133\.3\/s started of 133\.3\/s target \(100 %\) over 6 s; none dropped/);
    expect(rows.filter((x) => x.startsWith('stage ')).map((x) => x.split(':')[0])).toEqual(['stage 1 (0→200/s, 2 s)', 'stage 2 (200/s, 2 s)', 'stage 3 (200→0/s, 2 s)']);
  }, 30_000);

  it('over max-in-flight, requests are dropped, counted, and count as errors', async () => {
    server = await httpServer(() => undefined); // never answers
    const r = await run(server.url, loadOf({ 'arrival-rate': '50/s', duration: '1s', 'max-in-flight': 5, timeout: '2s' }));
    expect(r.overall.dropped).toBe(45);
    expect(r.overall.timeouts).toBe(5);
    expect(r.overall.requests).toBe(50);
    expect(r.overall.errorRate).toBe(1);
    const judged = evaluate({ load: r }, { environment: 't', config: envOf({ 'arrival-rate': '50/s', duration: '1s', 'max-in-flight': 5 }), severity: {} });
    expect(judged.rows.find((row) => row.subject === 'arrival rate')).toMatchObject({ verdict: 'fail' });
    expect(judged.rows.find((row) => row.subject === 'arrival rate')!.value).toMatch(/45 dropped at max-in-flight 5, counted as errors/);
  }, 30_000);

  it('shards split the arrival rate exactly: three shards of 100/s send 100/s together, and the merge adds the stages up', async () => {
    let served = 0;
    server = await httpServer((_q, res) => {
      served++;
      res.end('ok');
    });
    const cfg = loadOf({ 'arrival-rate': '100/s', duration: '2s', requests: [{ name: 'a' }, { name: 'b', path: '/b' }] });
    const slices = [1, 2, 3].map((index) => shardLoad(cfg, { index, count: 3 }));
    expect(slices.map((sl) => sl['arrival-rate']!.count)).toEqual([34, 33, 33]);
    const parts = await Promise.all(slices.map((sl) => run(server!.url, sl)));
    expect(served).toBe(200);
    const merged = mergeShards(parts.map((p, i) => ({ result: toShardResult(p, { index: i + 1, count: 3 }, 't', 'h'), source: `shard ${i + 1}` }))).load;
    expect(merged.overall.model).toBe('open');
    expect(merged.overall.targetRate).toBe(100);
    expect(merged.overall.stages![0]).toMatchObject({ target: 100, requests: 200, expected: 200 });
    expect(merged.overall.stages![0]!.latencyMs.count).toBe(200);
  }, 30_000);

  it('a body past the cap is cut off and counted as a failure of class body; expect-body-contains counts a 2xx mismatch once', async () => {
    let n = 0;
    server = await httpServer((q, res) => {
      if (q.url === '/endless') {
        res.write('x'.repeat(1024 * 1024));
        res.write('x'.repeat(1024 * 1024)); // past the 1 MiB cap; the rest never comes
        return;
      }
      res.end(++n % 2 === 0 ? 'nope' : 'ok');
    });
    const big = await run(server.url, loadOf({ 'arrival-rate': '5/s', duration: '1s', requests: [{ name: 'e', path: '/endless' }] }));
    expect(big.overall.socketErrors).toBe(5);
    expect(big.overall.firstError?.class).toBe('body');
    expect(big.overall.errorRate).toBe(1);
    const mismatch = await run(server.url, loadOf({ 'arrival-rate': '20/s', duration: '1s', 'max-in-flight': 1, requests: [{ name: 'x', 'expect-body-contains': 'ok' }] }));
    expect(mismatch.overall.responses + mismatch.overall.dropped!).toBe(20);
    expect(mismatch.overall.mismatches).toBe(Math.floor(mismatch.overall.responses / 2));
    expect(mismatch.overall.latencyMs.count + (mismatch.overall.failedLatencyMs?.count ?? 0)).toBe(mismatch.overall.responses);
  });

  it('a warm-up holds the starting rate and stays out of the figures', async () => {
    let served = 0;
    server = await httpServer((_q, res) => {
      served++;
      res.end('ok');
    });
    const r = await run(server.url, loadOf({ 'arrival-rate': '20/s', duration: '1s', warmup: '500ms' }));
    expect(served).toBe(30);
    expect(r.overall.requests).toBe(20);
    expect(r.warmupMs).toBe(500);
  });

  it('a preflight to a dead target reports it at once', async () => {
    const http = createHttpClient(systemClock);
    try {
      const r = await runLoad(loadOf({ 'arrival-rate': '100/s', duration: '10s' }), { baseUrl: 'http://127.0.0.1:9' }, systemClock, () => new Date(), http);
      expect(r.overall.responses).toBe(0);
      expect(r.overall.firstError?.class).toBe('refused');
      expect(r.model).toBe('open');
    } finally {
      await http.close();
    }
  });
});
