import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfigHash } from '../../src/baseline/stats.js';
import type { EvalContext } from '../../src/checks/check.js';
import { evaluateLoad, type LoadVerdict } from '../../src/checks/load/evaluate.js';
import { arrivals, expectedPerStage, parseArrivalRate, splitPlan, type OpenPlan } from '../../src/checks/load/open-schedule.js';
import { openPlanOf, type LoadConfig } from '../../src/checks/load/schema.js';
import type { LoadRequestResult, LoadResult, StageResult } from '../../src/checks/load/types.js';
import { configSchema } from '../../src/config/schema.js';
import { addCounters, errorRate, failedOf, requestsOf, zeroCounters } from '../../src/scale/counters.js';
import { createHistogram, encodeHistogram, recordMs } from '../../src/scale/histogram.js';
import { configHash, shardLoad } from '../../src/scale/shards.js';
import { medianOfSamples } from '../../src/scale/samples.js';
import { mergeStages } from '../../src/scale/stages.js';

// Issue 18, the open model's pure parts: the schedule, the exact split, the config, the counters and the verdicts.

const parse = (load: Record<string, unknown>) => configSchema.safeParse({ environments: { t: { load } } });
const loadOf = (load: Record<string, unknown>): LoadConfig => configSchema.parse({ environments: { t: { load } } }).environments.t!.load!;
const errorsOf = (load: Record<string, unknown>) => {
  const r = parse(load);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.slice(3).join('.')}: ${i.message}`);
};
const perSecond = (p: OpenPlan) => {
  const out: number[] = [];
  for (const t of arrivals(p)) out[Math.floor(t / 1000)] = (out[Math.floor(t / 1000)] ?? 0) + 1;
  return Array.from(out, (v) => v ?? 0);
};
const rate = (text: string) => parseArrivalRate(text)!;

describe('the schedule', () => {
  it('a constant rate starts exactly rate × duration requests, evenly apart, the first at 0', () => {
    const times = [...arrivals({ start: rate('100/s'), stages: [{ durationMs: 1000, target: rate('100/s') }] })];
    expect(times).toHaveLength(100);
    expect(times[0]).toBe(0);
    times.slice(1).forEach((t, i) => expect(t - times[i]!).toBeCloseTo(10, 9));
  });

  it('per minute: 30/m for a minute is 30 requests 2 s apart', () => {
    const times = [...arrivals(openPlanOf(loadOf({ 'arrival-rate': '30/m', duration: '1m' })))];
    expect(times).toHaveLength(30);
    expect(times[1]).toBeCloseTo(2000, 6);
  });

  it('stages ramp linearly, as the integral of the rate: 0→200/s over 2 s, hold, 200→0/s', () => {
    const plan = openPlanOf(loadOf({ stages: [{ duration: '2s', target: '200/s' }, { duration: '2s', target: '200/s' }, { duration: '2s', target: '0/s' }] }));
    expect(plan.start).toEqual({ count: 0, per: 's' });
    expect(expectedPerStage(plan)).toEqual([200, 400, 200]);
    expect(perSecond(plan)).toEqual([50, 150, 200, 200, 150, 50]);
    const times = [...arrivals(plan)];
    times.slice(1).forEach((t, i) => expect(t).toBeGreaterThanOrEqual(times[i]!));
    expect(times.at(-1)!).toBeLessThan(6000);
  });

  it('the ramp starts from arrival-rate; a stage at 0/s starts nothing', () => {
    const plan = openPlanOf(loadOf({ 'arrival-rate': '100/s', stages: [{ duration: '1s', target: '300/s' }, { duration: '1s', target: '0/s' }, { duration: '1s', target: '0/s' }] }));
    expect(perSecond(plan)).toEqual([200, 150]);
  });
});

describe('the exact split', () => {
  it('every share of every rate adds up to the rate, and shares differ by at most one', () => {
    for (const count of [0, 1, 2, 7, 100, 101, 199, 200]) {
      for (const parts of [1, 2, 3, 4, 7, 16]) {
        const plan: OpenPlan = { start: { count, per: 's' }, stages: [{ durationMs: 1000, target: { count: count * 2 + 1, per: 'm' } }] };
        const shares = Array.from({ length: parts }, (_, i) => splitPlan(plan, parts, i));
        expect(shares.reduce((a, s) => a + s.start.count, 0)).toBe(count);
        expect(shares.reduce((a, s) => a + s.stages[0]!.target.count, 0)).toBe(count * 2 + 1);
        const c = shares.map((s) => s.start.count);
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shards split arrival-rate, stages and max-in-flight; 200/s over 3 is 67 + 67 + 66', () => {
    const cfg = loadOf({ 'arrival-rate': '200/s', 'max-in-flight': 10, stages: [{ duration: '1s', target: '50/s' }] });
    const slices = [1, 2, 3].map((index) => shardLoad(cfg, { index, count: 3 }));
    expect(slices.map((s) => s['arrival-rate']!.count)).toEqual([67, 67, 66]);
    expect(slices.map((s) => s.stages![0]!.target.count)).toEqual([17, 17, 16]);
    expect(slices.map((s) => s['max-in-flight'])).toEqual([4, 3, 3]);
    expect(shardLoad(loadOf({}), { index: 1, count: 2 })).not.toHaveProperty('arrival-rate');
  });

  it('the open keys change the shard and baseline hashes; a closed config hashes as before', () => {
    const closed = loadOf({});
    expect(configHash('t', loadOf({ 'arrival-rate': '100/s' }))).not.toBe(configHash('t', closed));
    expect(loadConfigHash(loadOf({ 'arrival-rate': '100/s' }))).not.toBe(loadConfigHash(loadOf({ 'arrival-rate': '200/s' })));
    const { requests, connections, duration, amount, rate, warmup, timeout } = closed;
    const before = JSON.stringify({ environment: 't', requests: requests ?? null, connections, duration, amount: amount ?? null, rate: rate ?? null, warmup, timeout });
    expect(configHash('t', closed)).toBe(createHash('sha256').update(before).digest('hex').slice(0, 16));
  });
});

describe('the config', () => {
  it('arrival-rate, max-in-flight and stages parse; the closed model stays the default', () => {
    const l = loadOf({ 'arrival-rate': '200/s', 'max-in-flight': 500, stages: [{ duration: '30s', target: '50/s' }, { duration: '2m', target: '200/s' }, { duration: '30s', target: '0/s' }] });
    expect(l['arrival-rate']).toEqual({ count: 200, per: 's' });
    expect(l.stages!.map((s) => s.duration)).toEqual([30_000, 120_000, 30_000]);
    expect(loadOf({})['arrival-rate']).toBeUndefined();
  });

  it('the models are exclusive where they conflict, and every error names its key', () => {
    expect(errorsOf({ 'arrival-rate': '10/s', connections: 5, rate: 3, amount: 9 })).toEqual([
      'connections: connections is a closed-model key and cannot be combined with arrival-rate (the open model): max-in-flight bounds the open model',
      'rate: rate is a closed-model key and cannot be combined with arrival-rate (the open model): arrival-rate is the rate',
      'amount: amount is a closed-model key and cannot be combined with arrival-rate (the open model): the open model runs for its duration or stages',
    ]);
    expect(errorsOf({ stages: [{ duration: '1s', target: '1/s' }], duration: '5s' })).toEqual([expect.stringMatching(/^duration: duration cannot be combined with stages/)]);
    expect(errorsOf({ 'max-in-flight': 5 })).toEqual([expect.stringMatching(/^max-in-flight: max-in-flight bounds the open model only/)]);
    expect(errorsOf({ 'arrival-rate': '2.5/s' })).toEqual([expect.stringMatching(/^arrival-rate: expected a whole number of requests per second or minute, such as "200\/s" or "30\/m"/)]);
    expect(errorsOf({ 'arrival-rate': '0/s' })).toEqual(['arrival-rate: arrival-rate is 0 with no stages: nothing would be sent']);
    expect(errorsOf({ stages: [{ duration: 5, target: '1/s' }] })[0]).toMatch(/^stages.0.duration: expected a duration with its unit/);
    expect(errorsOf({ stages: [{ duration: '1s', target: '1/h' }] })[0]).toMatch(/^stages.0.target: expected a whole number/);
  });

  it('keeps the safety caps: 10 minutes of stages plus warmup, and 1,000 in flight, without allow-heavy', () => {
    expect(errorsOf({ stages: [{ duration: '6m', target: '1/s' }, { duration: '5m', target: '1/s' }] })[0]).toMatch(/^stages: the stages plus warmup add up to 660\.0 s, above the safety cap of 10 minutes/);
    expect(errorsOf({ stages: [{ duration: '6m', target: '1/s' }, { duration: '5m', target: '1/s' }], 'allow-heavy': true })).toEqual([]);
    expect(errorsOf({ 'arrival-rate': '1/s', 'max-in-flight': 1001 })[0]).toMatch(/^max-in-flight: max-in-flight is 1001, above the safety cap of 1000/);
  });
});

describe('dropped requests count as errors', () => {
  it('in requests, failures and the error rate; summed only when some slice has them', () => {
    const c = { ...zeroCounters(), responses: 90, dropped: 10 };
    expect(requestsOf(c)).toBe(100);
    expect(failedOf(c)).toBe(10);
    expect(errorRate(failedOf(c), requestsOf(c))).toBe(0.1);
    expect(addCounters([c, { ...zeroCounters(), responses: 5, dropped: 2 }]).dropped).toBe(12);
    expect(addCounters([zeroCounters()])).not.toHaveProperty('dropped');
  });
});

const hist = (...ms: number[]) => {
  const h = createHistogram();
  for (const m of ms) recordMs(h, m);
  return encodeHistogram(h);
};
const stage = (over: Partial<StageResult>): StageResult => ({
  from: 0, target: 100, durationMs: 1000, expected: 50, requests: 50, dropped: 0, achievedRate: 50, histogram: hist(1, 2, 1000), latencyMs: { count: 3, min: 1, mean: 334, p50: 2, p90: 1000, p95: 1000, p99: 1000, max: 1000 }, ...over,
});

describe('stages merge exactly', () => {
  it('slices add their targets and counts; repeats keep the rate per run', () => {
    const [m] = mergeStages([[stage({})], [stage({ from: 1, target: 50, requests: 25, dropped: 1 })]])!;
    expect(m).toMatchObject({ from: 1, target: 150, requests: 75, dropped: 1, achievedRate: 75, expected: 100 });
    expect(m!.latencyMs.count).toBe(6);
    const [r] = mergeStages([[stage({})], [stage({})]], true)!;
    expect(r).toMatchObject({ target: 100, requests: 100, achievedRate: 50 });
    expect(mergeStages([undefined])).toBeUndefined();
  });
});

describe('the open model judged', () => {
  const ctx: EvalContext = { environment: 'production', config: configSchema.parse({ environments: { production: { load: { 'arrival-rate': '100/s', duration: '2s' } } } }).environments.production!, severity: {} };
  const req = (over: Partial<LoadRequestResult> = {}): LoadRequestResult => ({
    name: 'target', method: 'GET', url: 'http://127.0.0.1:1/', connections: 500, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 2000,
    requests: 200, responses: 190, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 190 }, errorRate: 0.05, requestsPerSecond: 95,
    latencyMs: { count: 190, min: 1, mean: 5, p50: 2, p90: 8, p95: 10, p99: 900, max: 1000 }, histogram: hist(1, 2, 3), latencyFrom: 'intended',
    model: 'open', targetRate: 100, dropped: 10, stages: [stage({ from: 100, target: 100, durationMs: 2000, expected: 200, requests: 190, dropped: 10, achievedRate: 95 })], ...over,
  });
  const load = (r: LoadRequestResult): LoadResult => ({ connections: 500, durationMs: 2000, warmupMs: 0, model: 'open', maxInFlight: 500, requests: [r], overall: { ...r, name: 'all' } });

  it('the arrivals and each stage as numbers: target, started, dropped, latencies from the intended start', () => {
    const vs = evaluateLoad(load(req()), ctx).verdicts;
    expect(vs.slice(0, 3)).toEqual<LoadVerdict[]>([
      { kind: 'latency-origin', from: 'intended', open: true },
      { kind: 'arrival', targetRate: 100, achievedRate: 95, started: 190, dropped: 10, maxInFlight: 500, durationMs: 2000 },
      { kind: 'stage', index: 0, fromRate: 100, targetRate: 100, durationMs: 2000, expected: 200, started: 190, dropped: 10, achievedRate: 95, successes: 3, p50Ms: 2, p95Ms: 1000, p99Ms: 1000 },
    ]);
    // Dropped requests are errors: the error-rate verdict sees 10 of 200.
    expect(vs.find((v) => v.kind === 'error-rate')).toMatchObject({ errors: 10, requests: 200 });
  });

  it('gate samples: dropped requests summed, each stage over all samples\' time, the model kept', () => {
    const m = medianOfSamples([load(req()), load(req({ dropped: 4, requests: 194, stages: [stage({ from: 100, target: 100, durationMs: 2000, expected: 200, requests: 196, dropped: 4, achievedRate: 98 })] }))]);
    expect(m.model).toBe('open');
    expect(m.overall.dropped).toBe(14);
    expect(m.overall.stages![0]).toMatchObject({ target: 100, requests: 386, dropped: 14, achievedRate: 96.5 });
  });

  it('a closed-model result has no open verdicts', () => {
    const { model: _m, targetRate: _t, dropped: _d, stages: _s, ...closed } = req();
    expect(evaluateLoad(load(closed), ctx).verdicts.some((v) => v.kind === 'arrival' || v.kind === 'stage')).toBe(false);
  });
});
